/** The JVM backend: fragments compiled to Java source and Janino bytecode (issue: codegen-jvm). */
package io.pappus.jvm;
