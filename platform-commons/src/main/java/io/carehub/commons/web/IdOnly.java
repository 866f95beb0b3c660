package io.carehub.commons.web;

/** What a caller with only the write scope of a collection gets back from a write (API.md §1, Scopes). */
public record IdOnly(String id) {
}
