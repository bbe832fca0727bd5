package io.pappus.samples;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test once per engine a sample must agree on: the reference engine (the user's lambdas
 * called plainly) and AUTO (what a user gets by default). The test method takes a
 * {@code io.pappus.api.Target}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ParameterizedTest(name = "{0}")
@EnumSource(value = io.pappus.api.Target.class, names = {"REFERENCE", "AUTO"})
@interface OnEveryEngine {
}
