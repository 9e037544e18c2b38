"use client";
/** The name others see, in every team (it is the account's). */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert, FormStatus } from "@/components/ui/form-alert";
import { setServerErrors } from "@/components/ui/form-error";
import { ZSetNameInput } from "@/server/schemas/profile";
import { useTRPC } from "@/trpc/react";

type Values = z.input<typeof ZSetNameInput>;

export function NameForm({ name, onSaved }: { name: string; onSaved: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(ZSetNameInput), defaultValues: { name } });
  const save = useMutation(trpc.auth.setName.mutationOptions());
  const onSubmit = form.handleSubmit(async (values) => {
    setDone(null);
    try {
      const r = await save.mutateAsync(values);
      await onSaved();
      form.reset({ name: r.name });
      setDone("Name saved. Your teams see it from now on.");
      router.refresh();
    } catch (error) {
      setServerErrors(error, form.setError, ["name"]);
    }
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Your name" className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        <TextField
          label="Name"
          autoComplete="name"
          className="min-w-0 flex-1 basis-56"
          {...form.register("name")}
          error={errors.name?.message}
        />
        <Button type="submit" busy={isSubmitting} disabled={!isDirty && !isSubmitting}>
          Save name
        </Button>
      </div>
      <FormAlert message={errors.root?.server?.message} />
      <FormStatus message={done} />
    </form>
  );
}
