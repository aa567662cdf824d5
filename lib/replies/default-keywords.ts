// The keywords a console starts with. Without zod, so the Settings form can show them without loading the schema the
// server checks keywords with (keywords.ts).

export const DEFAULT_OPT_OUT_KEYWORDS = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"] as const;
export const DEFAULT_OPT_IN_KEYWORDS = ["START", "UNSTOP"] as const;

/** The defaults as the setting holds them (an OptKeywords, keywords.ts). */
export const DEFAULT_OPT_KEYWORDS: { optOut: string[]; optIn: string[] } = { optOut: [...DEFAULT_OPT_OUT_KEYWORDS], optIn: [...DEFAULT_OPT_IN_KEYWORDS] };
