// tRPC + TanStack Query for this section (not the Log page): components/layout/trpc-section-layout.tsx.
export { default } from "@/components/layout/trpc-section-layout";
