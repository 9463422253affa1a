package io.touchpoints.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks that a model file is well-formed XML or JSON before the engine sees it: the engine reports a
 * malformed file without saying which one, and a modeler needs the file and the line.
 */
final class ModelSyntax {

	private static final ObjectMapper JSON = new ObjectMapper();

	private ModelSyntax() {
	}

	static void check(Path folder, Path model) {
		String name = model.getFileName().toString().toLowerCase(Locale.ROOT);
		try {
			if (name.endsWith(".form")) {
				JSON.readTree(model.toFile());
			}
			else {
				readXml(model);
			}
		}
		catch (JsonProcessingException e) {
			throw new InvalidModelException(model, "line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
		}
		catch (XMLStreamException e) {
			int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
			throw new InvalidModelException(model, "line " + line + ": " + e.getMessage().replaceFirst("(?s)^ParseError at \\[.*?\\]\\s*Message:\\s*", ""), e);
		}
		catch (IOException e) {
			throw new InvalidModelException(model, "cannot be read: " + e.getMessage(), e);
		}
	}

	private static void readXml(Path model) throws IOException, XMLStreamException {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		try (InputStream in = Files.newInputStream(model)) {
			XMLStreamReader reader = factory.createXMLStreamReader(in);
			while (reader.hasNext()) {
				reader.next();
			}
			reader.close();
		}
	}

}
