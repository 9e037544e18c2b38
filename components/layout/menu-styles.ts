/** Shared classes for the app's menus: the shell's MenuButton (team switcher, user menu) and Radix dropdowns (member actions). */
export const menuContent =
  "z-50 min-w-56 max-w-[calc(100vw-1rem)] rounded-xl border border-slate-200 bg-white p-1 text-slate-900 shadow-lg";
export const menuItem =
  "flex min-h-11 cursor-pointer select-none items-center gap-2 rounded-lg px-3 text-base outline-none data-[highlighted]:bg-slate-100 data-[disabled]:cursor-not-allowed data-[disabled]:text-slate-500 focus-visible:outline-2 focus-visible:outline-brand-600";
export const menuLabel = "px-3 py-2 text-sm text-slate-600";
export const menuSeparator = "my-1 h-px bg-slate-200";
/** An item of a MenuButton's list (links and buttons with role="menuitem"; focus, not Radix's highlight, marks it). */
export const shellMenuItem =
  "flex min-h-11 w-full cursor-pointer select-none items-center gap-2 rounded-lg px-3 text-left text-base outline-none hover:bg-slate-100 focus:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600";
