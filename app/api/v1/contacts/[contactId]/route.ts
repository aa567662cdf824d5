// One contact for automation, with Connect's live view of it: the same answer as the console's own route.
export { GET } from "@/app/api/contacts/[contactId]/route";
