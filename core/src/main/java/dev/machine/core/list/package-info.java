/** Listing machines ({@code ls}) and finding the active one ({@code active}). */
package dev.machine.core.list;
