import Link from "next/link";
import { PublicFooter } from "@/components/shell/public-footer";
import { PublicHeader } from "@/components/shell/public-header";
import { buttonClasses } from "@/components/ui/button";
import { getActor } from "@/server/auth/session";

const AUDIENCES = [
  {
    title: "For organisations training AI",
    text: "One annual license covers the enrolled repertoire for pre-training, fine-tuning and retrieval, priced by your size, industry and country.",
    cta: { href: "/sign-up?kind=LICENSEE", label: "Get licensed" },
  },
  {
    title: "For rightsholders",
    text: "Enroll your works one by one, by file or by API, choose the AI uses each may be licensed for, and receive royalties every quarter.",
    cta: { href: "/sign-up?kind=RIGHTSHOLDER", label: "Enroll your works" },
  },
];

const FACTS = [
  ["Voluntary and non-exclusive", "Rightsholders choose which works take part and may exclude a work from a date on."],
  ["Follow the money", "Each licensee's fees go to the works that licensee reported using, to the cent."],
  ["Quarterly statements", "Every rightsholder sees units, gross, fees and net per work, as a page, CSV and PDF."],
];

export default async function LandingPage() {
  const actor = await getActor();
  return (
    <div className="min-h-screen bg-white">
      <PublicHeader isSignedIn={actor !== null} />
      <main>
        <section className="bg-gradient-to-b from-brand-50 to-white">
          <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6 sm:py-24">
            <p className="text-sm font-semibold text-brand-700">The collective AI training license</p>
            <h1 className="mt-3 max-w-3xl text-4xl font-semibold tracking-tight text-slate-900 sm:text-5xl">
              License the content your AI learns from. Pay the people who made it.
            </h1>
            <p className="mt-5 max-w-2xl text-lg text-slate-600">
              Clearway licenses organisations that train AI systems used outside their walls, and distributes the license fees to the
              rightsholders of the works they used, every quarter.
            </p>
          </div>
        </section>
        <section className="mx-auto grid max-w-6xl gap-6 px-4 py-12 sm:px-6 md:grid-cols-2">
          {AUDIENCES.map((a) => (
            <div key={a.title} className="rounded-2xl p-6 ring-1 ring-slate-200">
              <h2 className="text-lg font-semibold text-slate-900">{a.title}</h2>
              <p className="mt-2 text-sm text-slate-600">{a.text}</p>
              <Link href={a.cta.href} className={buttonClasses("primary", "mt-5")}>
                {a.cta.label}
              </Link>
            </div>
          ))}
        </section>
        <section className="mx-auto max-w-6xl px-4 pb-20 sm:px-6">
          <dl className="grid gap-8 sm:grid-cols-3">
            {FACTS.map(([title, text]) => (
              <div key={title}>
                <dt className="font-semibold text-slate-900">{title}</dt>
                <dd className="mt-1 text-sm text-slate-600">{text}</dd>
              </div>
            ))}
          </dl>
        </section>
      </main>
      <PublicFooter />
    </div>
  );
}
