import Link from "next/link";

export default function TeamNotFound() {
  return (
    <main id="main" className="mx-auto max-w-md p-6 text-center">
      <h1 className="text-2xl font-semibold">Team not found</h1>
      <p className="mt-2 text-slate-700">There is no team at this address, or you are not a member of it.</p>
      <Link
        href="/teams"
        className="bg-brand-600 hover:bg-brand-700 mt-6 inline-flex min-h-11 items-center justify-center rounded-lg px-4 font-medium text-white"
      >
        See your teams
      </Link>
    </main>
  );
}
