"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";

/** Accepts an invite and opens the team's Team page. */
export function JoinTeamButton({ token, teamName }: { token: string; teamName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const accept = useMutation(
    trpc.invite.accept.mutationOptions({
      onSuccess: (result) => {
        toast.success(result.joined ? `Welcome to ${teamName}!` : `You are already in ${teamName}.`);
        router.push(`/${result.teamSlug}/team`);
      },
      onError: (err) => setError(err.message),
    }),
  );
  return (
    <div className="space-y-3">
      {error && (
        <p
          role="alert"
          className="rounded-lg border border-red-700 bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
        >
          {error}
        </p>
      )}
      <Button
        size="lg"
        className="w-full"
        busy={accept.isPending || accept.isSuccess}
        onClick={() => {
          setError(null);
          accept.mutate({ token });
        }}
      >
        {accept.isPending || accept.isSuccess ? "Joining…" : `Join ${teamName}`}
      </Button>
    </div>
  );
}
