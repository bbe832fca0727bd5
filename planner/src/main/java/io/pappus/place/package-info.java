/**
 * Device placement: the cost model ({@link io.pappus.place.CostModel}), measured history
 * ({@link io.pappus.place.ExecutionHistory}), calibrated device profiles
 * ({@link io.pappus.place.CalibrationStore}) and the choice of device or devices per fragment
 * ({@link io.pappus.place.Placer}). Backends describe their devices through
 * {@link io.pappus.place.spi.DeviceProvider}; this package knows none of them.
 */
package io.pappus.place;
