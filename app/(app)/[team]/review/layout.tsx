import { TRPCReactProvider } from "@/trpc/react";

/**
 * tRPC + TanStack Query for this section's client components. It is provided per section, not in the root
 * layout, so the Log page (trpc/light.ts) does not load the full client (docs/PERFORMANCE.md, phone page weight).
 */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
