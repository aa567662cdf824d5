// A contact's conversation for automation: the same answer as the console's own route.
export { GET } from "@/app/api/contacts/[contactId]/transcript/route";
