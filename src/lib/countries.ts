// The countries organisations can be established in (participation, licensee profiles, pricing),
// as ISO 3166-1 alpha-2 codes with their English names.
export const COUNTRIES: [string, string][] = [
  ["US", "United States"], ["GB", "United Kingdom"], ["CA", "Canada"], ["AU", "Australia"], ["NZ", "New Zealand"], ["IE", "Ireland"],
  ["DE", "Germany"], ["FR", "France"], ["ES", "Spain"], ["IT", "Italy"], ["NL", "Netherlands"], ["BE", "Belgium"], ["CH", "Switzerland"],
  ["AT", "Austria"], ["SE", "Sweden"], ["NO", "Norway"], ["DK", "Denmark"], ["FI", "Finland"], ["PL", "Poland"], ["PT", "Portugal"],
  ["CZ", "Czechia"], ["GR", "Greece"], ["JP", "Japan"], ["KR", "South Korea"], ["IN", "India"], ["SG", "Singapore"], ["BR", "Brazil"],
  ["MX", "Mexico"], ["AR", "Argentina"], ["ZA", "South Africa"], ["IL", "Israel"], ["AE", "United Arab Emirates"],
];

/** The English name of a country code, or the code itself when it is not in the list. */
export function countryName(code: string | null | undefined): string {
  if (!code) return "—";
  return COUNTRIES.find(([c]) => c === code)?.[1] ?? code;
}
