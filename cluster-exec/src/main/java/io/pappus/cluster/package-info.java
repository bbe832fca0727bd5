/** Running fragments across a Hazelcast cluster (issue: cluster-exec). */
package io.pappus.cluster;
