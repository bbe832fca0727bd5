/** The OpenCL backend: fragments compiled to OpenCL C and run through JOCL (issue: codegen-opencl). */
package io.pappus.opencl;
