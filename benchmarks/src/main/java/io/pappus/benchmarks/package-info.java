/** JMH benchmarks and the comparison runner (issue: samples and benchmarks). */
package io.pappus.benchmarks;
