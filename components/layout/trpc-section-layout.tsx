import { TRPCReactProvider } from "@/trpc/react";

/**
 * The layout of every section whose client components use tRPC + TanStack Query (Plan, Dashboard, Review, Team,
 * teams, join). It is provided per section, not in the root layout, so the Log page (trpc/light.ts) does not load
 * the full client (docs/PERFORMANCE.md, phone page weight). Each section's layout.tsx re-exports it.
 */
export default function TrpcSectionLayout({ children }: { children: React.ReactNode }) {
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
