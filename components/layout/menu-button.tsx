"use client";
/**
 * A small accessible menu button (WAI-ARIA menu button pattern) for the app shell, instead of a Radix dropdown in
 * every page's first-load JavaScript. The items are rendered by the server (links with role="menuitem");
 * this only opens and closes the list: Enter/Space/↓ open it on the first item, ↑/↓/Home/End move, Escape and
 * Tab close it (Escape returns focus to the button), a click outside or on an item closes it.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { menuContent } from "./menu-styles";

interface Props {
  /** Accessible name of the button when its content is not the name (e.g. initials). */
  label?: string;
  buttonClassName: string;
  button: ReactNode;
  align: "start" | "end";
  children: ReactNode;
}

const itemsOf = (menu: HTMLElement | null) => [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

export function MenuButton({ label, buttonClassName, button, align, children }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const focusLast = useRef(false);

  useEffect(() => {
    if (!open) return;
    const items = itemsOf(menu.current);
    (focusLast.current ? items[items.length - 1] : items[0])?.focus();
    focusLast.current = false;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  function onMenuKey(event: KeyboardEvent<HTMLDivElement>) {
    const items = itemsOf(menu.current);
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => {
      event.preventDefault();
      items[(index + items.length) % items.length]?.focus();
    };
    if (event.key === "ArrowDown") move(at + 1);
    else if (event.key === "ArrowUp") move(at - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(items.length - 1);
    else if (event.key === "Escape") {
      event.preventDefault();
      setOpen(false);
      trigger.current?.focus();
    } else if (event.key === "Tab") setOpen(false);
  }

  function onTriggerKey(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      focusLast.current = event.key === "ArrowUp";
      setOpen(true);
    }
  }

  // An "end" menu hangs from the button's right edge. A "start" menu hangs from the left edge of the nearest
  // positioned box around the button (the app's sticky header), not from the button, which sits after the logo:
  // hung from the button, a long team name pushed the menu past the right edge of a phone.
  return (
    <div ref={root} className={cn("min-w-0", align === "end" && "relative")}>
      <button
        ref={trigger}
        type="button"
        id={`${id}-button`}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        data-state={open ? "open" : "closed"}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={onTriggerKey}
        className={buttonClassName}
      >
        {button}
      </button>
      <div
        ref={menu}
        id={`${id}-menu`}
        role="menu"
        aria-labelledby={`${id}-button`}
        hidden={!open}
        onKeyDown={onMenuKey}
        onClick={(event) => {
          if ((event.target as HTMLElement).closest('[role="menuitem"]')) setOpen(false);
        }}
        className={cn(menuContent, "absolute top-full mt-1.5 w-max", align === "end" ? "right-0" : "left-2")}
      >
        {children}
      </div>
    </div>
  );
}
