import Link from "next/link";

export default function TeamNotFound() {
  return (
    <main id="main" className="mx-auto max-w-md p-6 text-center">
      <h1 className="text-2xl font-semibold">Team not found</h1>
      <p className="mt-2 text-slate-700">There is no team at this address, or you are not a member of it.</p>
      <Link
        href="/teams"
        className="mt-6 inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700"
      >
        See your teams
      </Link>
    </main>
  );
}
