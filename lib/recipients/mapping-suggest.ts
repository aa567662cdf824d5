// Which columns of a list look like the phone, the name and the time zone, from their headers. Pure, and free of zod
// so the composer can use it without loading the schemas.
export interface MappingSuggestion {
  phoneColumn?: string;
  nameColumn?: string;
  timeZoneColumn?: string;
}

// Header words people use, most specific first; compared after lower-casing and turning separators into "_".
const PHONE_NAMES = [
  "phone",
  "phone_number",
  "phonenumber",
  "mobile",
  "mobile_number",
  "mobile_phone",
  "cell",
  "cell_phone",
  "cellphone",
  "msisdn",
  "e164",
  "whatsapp",
  "whatsapp_number",
  "sms",
  "number",
  "tel",
  "telephone",
  "telefon",
  "telefono",
  "telephone_number",
  "handy",
  "handynummer",
  "mobil",
  "mobilnummer",
  "portable",
  "celular",
  "movil",
  "contact_number",
];
// Not "number": it would take "order_number".
const PHONE_WORDS = ["phone", "mobile", "msisdn", "whatsapp", "cell", "tel", "handy", "mobil"];
const NAME_NAMES = [
  "name",
  "first_name",
  "firstname",
  "given_name",
  "display_name",
  "displayname",
  "full_name",
  "fullname",
  "customer_name",
  "contact_name",
  "recipient_name",
  "vorname",
  "prenom",
  "nombre",
  "nome",
];
const NAME_WORDS = ["first", "given", "display", "full", "name"];
const TIME_ZONE_NAMES = [
  "timezone",
  "time_zone",
  "tz",
  "tzid",
  "iana_timezone",
  "iana_time_zone",
  "zone",
  "zeitzone",
  "fuseau_horaire",
  "zona_horaria",
  "fuso_orario",
];
// Not "zone" on its own: "delivery_zone" or "zone_id" name regions, not clocks.
const TIME_ZONE_WORDS = ["timezone", "time_zone", "tz", "zeitzone"];

/** Guesses the phone, name and time zone columns from the header; leaves a field out rather than guess badly. */
export function suggestMapping(header: readonly string[]): MappingSuggestion {
  const normalised = header.map(normaliseHeader);
  const phoneColumn = pick(header, normalised, PHONE_NAMES, PHONE_WORDS, new Set());
  const nameColumn = pick(header, normalised, NAME_NAMES, NAME_WORDS, new Set(phoneColumn === undefined ? [] : [phoneColumn]), [
    "last",
    "sur",
    "family",
    "user",
    "file",
    "company",
    // "timezone_name" names a zone, not a person.
    "zone",
  ]);
  const taken = new Set([phoneColumn, nameColumn].filter((column) => column !== undefined));
  // An offset ("utc_offset", "tz_offset") is a number of hours, not a zone with its own daylight saving rules.
  const timeZoneColumn = pick(header, normalised, TIME_ZONE_NAMES, TIME_ZONE_WORDS, taken, ["offset"]);
  return {
    ...(phoneColumn === undefined ? {} : { phoneColumn }),
    ...(nameColumn === undefined ? {} : { nameColumn }),
    ...(timeZoneColumn === undefined ? {} : { timeZoneColumn }),
  };
}

function normaliseHeader(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}

function pick(header: readonly string[], normalised: string[], exact: string[], words: string[], taken: Set<string>, avoid: string[] = []): string | undefined {
  for (const candidate of exact) {
    const index = normalised.indexOf(candidate);
    if (index !== -1 && !taken.has(header[index]!)) return header[index];
  }
  for (const word of words) {
    // A word of two parts ("time_zone") is looked for across the separator.
    const matches = (name: string) => (word.includes("_") ? `_${name}_`.includes(`_${word}_`) : name.split("_").some((part) => part.startsWith(word)));
    const index = normalised.findIndex((name, i) => matches(name) && !avoid.some((bad) => name.includes(bad)) && !taken.has(header[i]!));
    if (index !== -1) return header[index];
  }
  return undefined;
}
