package io.pappus.testing;

/**
 * A test element: a record mixing an int, a String and a double.
 *
 * @param id     distinguishes orders with equal city and amount (ties in sorts, minBy)
 * @param city   a grouping and join key
 * @param amount the value summed and sorted
 */
public record Order(int id, String city, double amount) {
}
