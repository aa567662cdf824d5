// The audit filters as typed state in the page URL, named as the API takes them, so a filtered view can be shared or
// reloaded. Dates travel as UTC instants (the form shows them in the viewer's time zone) and go to the server as
// written, so its message about a bad one appears next to the field.
import { parseAsString } from "nuqs";

export const AUDIT_FILTERS = { actor: parseAsString, action: parseAsString, target: parseAsString, from: parseAsString, to: parseAsString };
