import { TRPCReactProvider } from "@/trpc/react";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" className="mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center px-4 py-10">
      <p className="text-brand-700 mb-6 text-center text-2xl font-bold tracking-tight">Backplan</p>
      {/* tRPC is provided per section, not in the root layout (docs/PERFORMANCE.md, phone page weight). */}
      <TRPCReactProvider>{children}</TRPCReactProvider>
    </main>
  );
}
