"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";
import { useEffect, useRef } from "react";

/** Closes an open <details> menu on a click outside it or on Escape, as people expect of menus. */
function useDismissable() {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: Event) => {
      const menu = ref.current;
      if (!menu?.open) return;
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !menu.contains(event.target as Node)) menu.open = false;
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
    };
  }, []);
  return ref;
}

/** The account menu: who is signed in, their settings, and sign-out. A <details> works without JS. */
export function AccountMenu({ name, email, roleLabel }: { name: string; email: string; roleLabel: string }) {
  const ref = useDismissable();
  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <details ref={ref} className="group relative">
      <summary
        className="flex cursor-pointer list-none items-center gap-2 rounded-full p-1 pr-3 text-sm hover:bg-slate-100 [&::-webkit-details-marker]:hidden"
        aria-label="Account menu"
      >
        <span className="flex size-8 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white">{initials}</span>
        <span className="hidden max-w-40 truncate font-medium text-slate-800 sm:block">{name}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-64 rounded-xl bg-white p-2 shadow-lg ring-1 ring-slate-200">
        <div className="border-b border-slate-100 px-3 pb-2 pt-1">
          <p className="truncate text-sm font-medium text-slate-900">{name}</p>
          <p className="truncate text-xs text-slate-500">{email}</p>
          <p className="mt-1 text-xs text-slate-500">{roleLabel}</p>
        </div>
        <Link href="/account" onClick={() => ref.current?.removeAttribute("open")} className="mt-1 block rounded-lg px-3 py-2 text-sm text-slate-700 hover:bg-slate-50">
          Account settings
        </Link>
        <button
          type="button"
          onClick={() => signOut({ callbackUrl: "/sign-in?signedOut=1" })}
          className="block w-full rounded-lg px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-50"
        >
          Sign out
        </button>
      </div>
    </details>
  );
}
