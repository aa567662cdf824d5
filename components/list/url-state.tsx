"use client";
// Where a list keeps its filters in the URL (components/list/url-filters.ts), this goes around it. Only list pages
// carry the URL-state code this way, instead of every page of the console.
export { NuqsAdapter as UrlState } from "nuqs/adapters/next/app";
