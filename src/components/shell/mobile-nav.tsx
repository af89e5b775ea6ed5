"use client";

import { useState } from "react";
import { NavLinks } from "./nav-links";
import type { NavSection } from "./navigation";

export function MobileNav({ sections }: { sections: NavSection[] }) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <div className="lg:hidden">
      <button
        type="button"
        onClick={() => setIsOpen((v) => !v)}
        aria-expanded={isOpen}
        aria-controls="mobile-nav"
        className="rounded-lg p-2 text-slate-700 hover:bg-slate-100"
      >
        <span className="sr-only">Menu</span>
        <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
          {isOpen ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
      </button>
      {isOpen ? (
        <div id="mobile-nav" className="absolute inset-x-0 top-16 z-30 border-b border-slate-200 bg-white p-4 shadow-lg">
          <NavLinks sections={sections} onNavigate={() => setIsOpen(false)} />
        </div>
      ) : null}
    </div>
  );
}
