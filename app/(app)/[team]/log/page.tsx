import type { Metadata } from "next";
import { LogPage } from "@/components/log/log-page";

export const metadata: Metadata = { title: "Log" };

export default function Page() {
  return <LogPage />;
}
