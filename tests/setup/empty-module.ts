// Stands in for `server-only` under Vitest: the real package throws when imported outside a React
// Server Component build, which would stop tests from importing server modules.
export {};
