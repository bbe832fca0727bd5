/**
 * The public API of Pappus: {@link io.pappus.api.DataSet} and its functional interfaces.
 * Start with {@code DataSet.from(...)}; pick an engine with {@link io.pappus.api.Engines}.
 */
package io.pappus.api;
