import Link from "next/link";
import { buttonClasses } from "../ui/button";
import { Logo } from "./logo";

/** The public pages' header: the product, the pricing link, and a way in. */
export function PublicHeader({ isSignedIn }: { isSignedIn: boolean }) {
  return (
    <header className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-2 px-4 sm:px-6">
      <Logo />
      <nav className="flex items-center gap-1 sm:gap-2">
        {/* On phones there is no room for it here; the footer links to it. */}
        <span className="hidden sm:block">
          <Link href="/repertoire" className={buttonClasses("ghost", "whitespace-nowrap")}>
            Repertoire
          </Link>
        </span>
        <Link href="/pricing" className={buttonClasses("ghost", "whitespace-nowrap")}>
          Pricing
        </Link>
        {isSignedIn ? (
          <Link href="/home" className={buttonClasses("primary", "whitespace-nowrap")}>
            Go to your portal
          </Link>
        ) : (
          <>
            <Link href="/sign-in" className={buttonClasses("ghost", "whitespace-nowrap")}>
              Sign in
            </Link>
            <Link href="/sign-up" className={buttonClasses("primary", "whitespace-nowrap")}>
              <span className="sm:hidden">Sign up</span>
              <span className="hidden sm:inline">Create account</span>
            </Link>
          </>
        )}
      </nav>
    </header>
  );
}
