import type { Metadata } from "next";
import { NamesPage } from "@/components/names/names-page";

export const metadata: Metadata = { title: "Names" };

export default function Page() {
  return <NamesPage />;
}
