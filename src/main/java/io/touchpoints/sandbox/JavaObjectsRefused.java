package io.touchpoints.sandbox;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Stands just before the engine's Java serializer and takes every value it would take: a new variable value that
 * no plain serializer (text, numbers, booleans, dates, bytes, files) handles is refused instead of being stored as
 * a serialized Java object, whoever sets it (engine REST without a type, a model's mapping, code). Variables stored
 * before stay readable: reading goes by the serializer named in the stored row. A transient value (the engine's
 * {@code decisionResult} after a business rule task) lives in memory for one transaction and is never written.
 */
class JavaObjectsRefused implements TypedValueSerializer<TypedValue> {

	static final String NAME = "touchpoints-java-objects-refused";

	private final TypedValueSerializer<?> javaSerializer;

	JavaObjectsRefused(TypedValueSerializer<?> javaSerializer) {
		this.javaSerializer = javaSerializer;
	}

	@Override
	public boolean canHandle(TypedValue value) {
		return javaSerializer.canHandle(value);
	}

	@Override
	public void writeValue(TypedValue value, ValueFields valueFields) {
		if (value.isTransient()) {
			return;
		}
		Object content = value.getValue();
		throw new BadUserRequestException("Variable '" + valueFields.getName() + "' would hold a "
				+ (content == null ? "Java object" : content.getClass().getName()) + ", stored as a serialized Java object; "
				+ "Touchpoints variables hold text, numbers, booleans, dates, bytes or files");
	}

	@Override
	public TypedValue readValue(ValueFields valueFields, boolean deserializeValue, boolean isTransient) {
		throw new UnsupportedOperationException("No variable is stored by " + NAME);
	}

	@Override
	public TypedValue convertToTypedValue(UntypedValueImpl untypedValue) {
		return untypedValue.isTransient() ? Variables.objectValue(untypedValue.getValue(), true).create() : untypedValue;
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public ValueType getType() {
		return ValueType.OBJECT;
	}

	// The same format as the Java serializer's, so the engine picks this one (the first) when both can take a value.
	@Override
	public String getSerializationDataformat() {
		return javaSerializer.getSerializationDataformat();
	}

	@Override
	public boolean isMutableValue(TypedValue typedValue) {
		return false;
	}

}
