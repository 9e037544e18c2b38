"use client";
/**
 * "Notifications" on the profile (phone first): push on this device (the browser's permission, a push subscription
 * made with the server's VAPID key, stored by `push.subscribe`), and which notifications come by push and by email —
 * a table of kinds × channels (labels and channels from server/domain/notification-kinds.ts; the inbox always keeps
 * everything). Each switch is labelled with its channel and kind ("Push: A proposal waits for my decision").
 */
import * as Switch from "@radix-ui/react-switch";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell, BellOff, BellRing } from "lucide-react";
import { useId, useState } from "react";
import type { RouterOutputs } from "@/components/api-types";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormAlert, FormStatus } from "@/components/ui/form-alert";
import { QueryState } from "@/components/ui/query-state";
import type { NotificationChannel, NotificationKind } from "@/server/domain/notification-kinds";
import { useTRPC } from "@/trpc/react";

type KindPreferences = RouterOutputs["push"]["preferences"][number];

const SERVICE_WORKER_URL = "/serwist/sw.js";
const CHANNEL_TITLE: Record<NotificationChannel, string> = { INBOX: "Inbox", PUSH: "Push", EMAIL: "Email" };
const COLUMNS: NotificationChannel[] = ["INBOX", "PUSH", "EMAIL"];

/** Whether this browser can receive Web Push at all (iPhone: only once the app is added to the home screen). */
function pushSupported(): boolean {
  return (
    typeof window !== "undefined" && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window
  );
}

/** The VAPID public key (base64url) as the bytes `applicationServerKey` takes. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + "=".repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

async function existingSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration("/");
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/** The service worker (app/serwist/sw.ts shows pushes), registered here too: the Log page may not have been opened. */
async function serviceWorker(): Promise<ServiceWorkerRegistration> {
  await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: "/" });
  return Promise.race([
    navigator.serviceWorker.ready,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("the service worker did not start")), 15_000)),
  ]);
}

/** An answer of the server (a tRPC error carries `data`), as opposed to a browser's refusal. */
function serverError(error: unknown): { message: string; code?: string } | null {
  if (error instanceof Error && "data" in error) {
    const data = (error as Error & { data?: { code?: string } | null }).data;
    return { message: error.message, code: data?.code };
  }
  return null;
}

/** A browser's refusal in words a person can act on. */
function subscribeErrorText(error: unknown): string {
  const name = error instanceof DOMException ? error.name : "";
  const detail = error instanceof Error ? error.message : String(error);
  if (name === "NotAllowedError")
    return "Notifications are blocked for this site. Allow them in your browser's site settings, then try again.";
  if (name === "AbortError" || /push service/i.test(detail))
    return `This browser could not register with its push service (${detail}). Check your connection and try again.`;
  return `Push could not be turned on: ${detail}`;
}

export function NotificationSettings() {
  const headingId = useId();
  return (
    <Card
      id="notifications"
      role="region"
      aria-labelledby={headingId}
      className="scroll-mt-20 space-y-5"
      data-testid="notification-settings"
    >
      <h2 id={headingId} className="flex items-center gap-2 text-lg font-semibold">
        <Bell aria-hidden className="size-5" />
        Notifications
      </h2>
      <PushOnThisDevice />
      <PreferenceTable />
    </Card>
  );
}

function PushOnThisDevice() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // What this browser says: whether it can receive push, its permission, and its subscription (if any).
  const browser = useQuery({
    queryKey: ["push-browser"],
    queryFn: async () => {
      if (!pushSupported()) return { supported: false, permission: null, endpoint: null };
      const subscription = await existingSubscription().catch(() => null);
      return { supported: true, permission: Notification.permission, endpoint: subscription?.endpoint ?? null };
    },
    staleTime: Infinity,
  });
  const endpoint = browser.data?.endpoint;
  const supported = browser.data?.supported ?? true;
  const permission = browser.data?.permission ?? null;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const status = useQuery({
    ...trpc.push.status.queryOptions(endpoint ? { endpoint } : undefined),
    enabled: browser.isSuccess,
  });
  const subscribe = useMutation(trpc.push.subscribe.mutationOptions());
  const unsubscribe = useMutation(trpc.push.unsubscribe.mutationOptions());
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["push-browser"] }),
      queryClient.invalidateQueries({ queryKey: trpc.push.status.pathKey() }),
    ]);

  async function turnOn(publicKey: string) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const answer = await Notification.requestPermission();
      if (answer !== "granted") {
        setError(
          answer === "denied"
            ? "Notifications are blocked for this site. Allow them in your browser's site settings, then try again."
            : "Push stays off: the browser did not get your permission.",
        );
        return;
      }
      const registration = await serviceWorker();
      const key = keyBytes(publicKey);
      let subscription = await registration.pushManager.getSubscription();
      const sameKey =
        subscription?.options.applicationServerKey &&
        new Uint8Array(subscription.options.applicationServerKey).join() === key.join();
      if (subscription && !sameKey) {
        // Made with another server key (the keys were changed): it can never receive our pushes.
        await subscription.unsubscribe();
        subscription = null;
      }
      subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
      const json = subscription.toJSON();
      await subscribe.mutateAsync({
        subscription: {
          endpoint: json.endpoint ?? subscription.endpoint,
          expirationTime: json.expirationTime ?? null,
          keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" },
        },
        userAgent: navigator.userAgent.slice(0, 500),
      });
      setDone("Push is on for this device.");
    } catch (e) {
      const server = serverError(e);
      setError(server ? `Push could not be turned on: ${server.message}` : subscribeErrorText(e));
    } finally {
      setBusy(false);
      await refresh();
    }
  }

  async function turnOff() {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const subscription = await existingSubscription();
      if (subscription) {
        await unsubscribe.mutateAsync({ endpoint: subscription.endpoint }).catch((e: unknown) => {
          // Already gone on the server (removed by the push service, or moved to another account): fine.
          if (serverError(e)?.code !== "NOT_FOUND") throw e;
        });
        await subscription.unsubscribe();
      }
      setDone("Push is off for this device.");
    } catch (e) {
      setError(`Push could not be turned off: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
      await refresh();
    }
  }

  return (
    <div className="space-y-3">
      <h3 className="font-semibold">Push on this device</h3>
      <QueryState query={status} loading="Checking push on this device…" error="Could not check push">
        {(s) => {
          if (!s.configured) {
            return (
              <p className="text-slate-700" data-testid="push-state">
                Push is not set up on this server. You still get everything in your inbox and by email.
              </p>
            );
          }
          if (!supported) {
            return (
              <p className="text-slate-700" data-testid="push-state">
                This browser cannot receive push notifications. On an iPhone, add Backplan to your home screen first
                (Share → Add to Home Screen) and open it from there.
              </p>
            );
          }
          const on = s.thisDevice === true;
          return (
            <>
              <p className="flex items-start gap-2 text-slate-800" data-testid="push-state">
                {on ? (
                  <BellRing aria-hidden className="mt-0.5 size-5 shrink-0" />
                ) : (
                  <BellOff aria-hidden className="mt-0.5 size-5 shrink-0" />
                )}
                <span>
                  <strong>{on ? "On" : "Off"}</strong> on this device.{" "}
                  {s.subscriptionCount === 0
                    ? "No device of yours gets push yet."
                    : `${s.subscriptionCount} ${s.subscriptionCount === 1 ? "device gets" : "devices get"} push.`}
                  {permission === "denied" && !on && " Notifications are blocked for this site in this browser."}
                </span>
              </p>
              <div className="flex flex-wrap gap-2">
                {on ? (
                  <Button variant="secondary" busy={busy} onClick={() => void turnOff()}>
                    Turn off on this device
                  </Button>
                ) : (
                  <Button busy={busy} onClick={() => s.publicKey && void turnOn(s.publicKey)}>
                    Turn on push on this device
                  </Button>
                )}
              </div>
              {on && <p className="text-sm text-slate-700">Choose below which notifications come by push.</p>}
            </>
          );
        }}
      </QueryState>
      <FormAlert message={error} />
      <FormStatus message={done} />
    </div>
  );
}

function PreferenceTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const preferences = useQuery(trpc.push.preferences.queryOptions());
  const [error, setError] = useState<string | null>(null);
  const queryKey = trpc.push.preferences.queryKey();
  const set = useMutation(
    trpc.push.setPreference.mutationOptions({
      onMutate: async ({ kind, channel, enabled }) => {
        setError(null);
        await queryClient.cancelQueries({ queryKey });
        const before = queryClient.getQueryData<KindPreferences[]>(queryKey);
        queryClient.setQueryData<KindPreferences[]>(queryKey, (prefs) =>
          prefs?.map((p) =>
            p.kind === kind
              ? { ...p, channels: p.channels.map((c) => (c.channel === channel ? { ...c, enabled } : c)) }
              : p,
          ),
        );
        return { before };
      },
      onError: (e, _input, context) => {
        if (context?.before) queryClient.setQueryData(queryKey, context.before);
        setError(`Not saved: ${e.message}`);
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey }),
    }),
  );
  return (
    <div className="space-y-3">
      <h3 className="font-semibold">What reaches you</h3>
      <p className="text-slate-700">
        Your inbox always keeps everything. Choose what also comes as a push on your devices, or by email.
      </p>
      <QueryState query={preferences} loading="Loading your choices…" error="Could not load your choices">
        {(prefs) => (
          <table className="w-full table-fixed border-collapse text-sm">
            <caption className="sr-only">Notifications by kind and channel</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-700">
                <th scope="col" className="py-2 pr-2 font-medium">
                  Notification
                </th>
                {COLUMNS.map((c) => (
                  <th key={c} scope="col" className="w-14 py-2 text-center font-medium sm:w-20">
                    {CHANNEL_TITLE[c]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {prefs.map((p) => (
                <tr key={p.kind} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="py-3 pr-2 text-left font-normal break-words text-slate-900">
                    {p.label}
                  </th>
                  {COLUMNS.map((channel) => (
                    <td key={channel} className="py-3 text-center align-middle">
                      <ChannelCell
                        kind={p.kind}
                        label={p.label}
                        channel={channel}
                        preference={p.channels.find((c) => c.channel === channel)}
                        disabled={set.isPending && set.variables?.kind === p.kind && set.variables.channel === channel}
                        onChange={(enabled) => set.mutate({ kind: p.kind, channel, enabled })}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
      <FormAlert message={error} />
    </div>
  );
}

function ChannelCell(props: {
  kind: NotificationKind;
  label: string;
  channel: NotificationChannel;
  preference: KindPreferences["channels"][number] | undefined;
  disabled: boolean;
  onChange: (enabled: boolean) => void;
}) {
  const { preference, channel, label } = props;
  if (!preference) {
    return (
      <span className="text-slate-500">
        <span aria-hidden>—</span>
        <span className="sr-only">Not sent by {CHANNEL_TITLE[channel].toLowerCase()}</span>
      </span>
    );
  }
  if (!preference.changeable) return <span className="text-slate-700">Always</span>;
  return (
    <Switch.Root
      checked={preference.enabled}
      disabled={props.disabled}
      aria-label={`${CHANNEL_TITLE[channel]}: ${label}`}
      onCheckedChange={props.onChange}
      data-testid={`pref-${props.kind}-${channel}`}
      className="data-[state=checked]:bg-brand-700 relative inline-flex h-7 w-12 shrink-0 items-center rounded-full bg-slate-500 align-middle transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900"
    >
      <Switch.Thumb className="block size-6 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[1.375rem]" />
    </Switch.Root>
  );
}
