package io.touchpoints.adoption;

/** One row of {@code feature-tips.dmn}: a feature, whether it is sticky, its tip template and its rank. */
record Feature(String name, boolean sticky, String tipTemplate, int order) {
}
