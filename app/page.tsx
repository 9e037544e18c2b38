import { redirect } from "next/navigation";
import { getSessionUser } from "@/server/auth";
import { getServerCaller } from "@/trpc/server";

/** Home: signed out → sign in; signed in → your first team's plan, or the teams page if you have none. */
export default async function HomePage() {
  if (!(await getSessionUser())) redirect("/signin");
  const teams = await (await getServerCaller()).team.list();
  redirect(teams[0] ? `/${teams[0].slug}/plan` : "/teams");
}
