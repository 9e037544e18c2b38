"use client";
/**
 * A Radix dialog with Backplan's chrome: a bottom sheet on phones, a centred panel on wider screens,
 * a heading, an optional description and a labelled close button. `returnFocusTo` is the id of the
 * element to focus when it closes (dialogs opened from menus have no trigger to return to).
 */
import * as Dialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { ReactNode } from "react";

export const overlayClass = "fixed inset-0 z-40 bg-slate-900/50";
export const panelClass =
  "fixed inset-x-0 bottom-0 z-50 max-h-[92dvh] overflow-y-auto rounded-t-2xl bg-white p-5 pb-[calc(1.25rem+env(safe-area-inset-bottom))] shadow-xl outline-none sm:inset-x-auto sm:bottom-auto sm:left-1/2 sm:top-1/2 sm:w-[calc(100vw-2rem)] sm:max-w-lg sm:-translate-x-1/2 sm:-translate-y-1/2 sm:rounded-2xl sm:p-6";

/** What every Team dialog takes from the page that opens it. */
export interface DialogControl {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The id of the element to focus when it closes. */
  returnFocusTo?: string;
}

/** Focuses the element with this id, or else the tree's current item, when a dialog or menu closes. */
export function focusById(id: string | undefined) {
  const target =
    (id ? document.getElementById(id) : null) ?? document.querySelector<HTMLElement>('[role="tree"] [tabindex="0"]');
  target?.focus();
}

export function DialogShell({
  open,
  onOpenChange,
  title,
  description,
  returnFocusTo,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  returnFocusTo?: string;
  children: ReactNode;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className={overlayClass} />
        <Dialog.Content
          className={panelClass}
          {...(description ? {} : { "aria-describedby": undefined })}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            focusById(returnFocusTo);
          }}
        >
          <Dialog.Title className="mb-4 pr-12 text-xl font-semibold">{title}</Dialog.Title>
          {description && <Dialog.Description className="mb-4 text-slate-700">{description}</Dialog.Description>}
          {children}
          {/* Last in the DOM so that opening the dialog focuses its first field, first on screen. */}
          <Dialog.Close
            aria-label="Close"
            className="absolute top-3 right-3 flex size-11 items-center justify-center rounded-lg hover:bg-slate-100 sm:top-4 sm:right-4"
          >
            <X aria-hidden className="size-5" />
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
