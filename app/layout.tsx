import type { Metadata, Viewport } from "next";
import { GeistSans } from "geist/font/sans";
import { LazyToaster } from "@/components/ui/lazy-toaster";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Backplan", template: "%s · Backplan" },
  description: "Plan backwards from the goal: milestones, member targets and a daily plan for the whole team.",
  applicationName: "Backplan",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#1d5fd1",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={GeistSans.variable}>
      <body className="min-h-dvh font-sans">
        {children}
        <LazyToaster />
      </body>
    </html>
  );
}
