// The contact history for automation: the same filters, pages and answer as the console's own list.
export { GET } from "@/app/api/contacts/route";
