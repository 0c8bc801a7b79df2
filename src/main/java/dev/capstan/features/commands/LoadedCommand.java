package dev.capstan.features.commands;

import dev.capstan.http.OutboundClient;

/** A declaration in service: with its guard and, for an HTTP action, the outbound client limited to its allowed hosts. */
record LoadedCommand(Declaration declaration, DeclaredGuard guard, OutboundClient http) {
}
