package io.touchpoints.adoption;

/** A signal found for a customer: what their CSM reads as the task's title, why, and the numbers behind it. */
record Finding(AdoptionSignal signal, String title, String reason, String evidence) {
}
