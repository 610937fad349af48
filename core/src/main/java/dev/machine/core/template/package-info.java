/**
 * A Go text/template engine and Go's text/tabwriter, for {@code ls --format} and {@code inspect -f}.
 *
 * <p>Public API: {@link dev.machine.core.template.Template#parse(String, String)},
 * {@link dev.machine.core.template.Template#execute(Object)},
 * {@link dev.machine.core.template.TemplateException} and
 * {@link dev.machine.core.template.TabWriter}.
 *
 * <p>Inside: {@code Lexer} → {@code Token}s, {@code Parser} → {@code Node} trees (one per
 * defined template), {@code Executor} walks them; {@code Builtins} holds the functions,
 * {@code Comparisons} the eq/lt family, {@code GoFmt} Go's fmt (Sprint/Sprintf, {@code %v}),
 * {@code GoStrings} unquoting and escaping, {@code FieldResolver} field access on Java objects;
 * Go's quoting, float formats and encoding/json come from {@link dev.machine.core.golang}.
 *
 * <p>Differences from Go, on purpose or for lack of need: no user-defined function maps and no
 * {@code missingkey} option; methods of Java objects are called only without arguments;
 * {@code call} has nothing to call (data hold no functions); complex numbers are rejected;
 * integers and floats compare by value in eq/lt (Go refuses to mix them, but JSON numbers are
 * floats in Go and may be integers here); Java integers print plainly where Go's float64 would
 * print {@code 1e+06}; error messages name the dynamic type ({@code string}) where Go sometimes
 * names the static one ({@code interface {}}); template calls nest at most 1000 deep.
 */
package dev.machine.core.template;
