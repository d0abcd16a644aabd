package dev.ferry.common.metadata;

import java.util.HashMap;
import java.util.Map;
import org.apache.olingo.client.api.edm.xml.Include;
import org.apache.olingo.client.api.edm.xml.Reference;
import org.apache.olingo.client.api.edm.xml.XMLMetadata;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;

/**
 * Turns the names a CSDL document writes ({@code mscrm.account}, {@code Core.Computed},
 * {@code Collection(mscrm.lead)}) into namespace-qualified names, so that every lookup in the
 * model is by one spelling.
 */
final class CsdlNames {

    private static final String COLLECTION_PREFIX = "Collection(";
    private static final String COLLECTION_SUFFIX = ")";
    private static final char PATH_SEPARATOR = '/';

    /** Aliases of the document's schemas and of the vocabularies it references. */
    private final Map<String, String> namespaceByAlias = new HashMap<>();

    CsdlNames(XMLMetadata document) {
        for (CsdlSchema schema : document.getSchemas()) {
            if (schema.getAlias() != null) {
                namespaceByAlias.put(schema.getAlias(), schema.getNamespace());
            }
        }
        for (Reference reference : document.getReferences()) {
            for (Include include : reference.getIncludes()) {
                if (include.getAlias() != null) {
                    namespaceByAlias.put(include.getAlias(), include.getNamespace());
                }
            }
        }
    }

    /** The qualified name of a type, term or element; {@code Collection(...)} is unwrapped. */
    String qualify(String name) {
        if (name == null) {
            return null;
        }
        String element = elementType(name);
        int lastDot = element.lastIndexOf('.');
        if (lastDot < 0) {
            return element;
        }
        String namespace = namespaceByAlias.get(element.substring(0, lastDot));
        return namespace == null ? element : namespace + element.substring(lastDot);
    }

    /** An annotation target ({@code mscrm.account/name}) with its first segment qualified. */
    String qualifyTarget(String target) {
        int slash = target.indexOf(PATH_SEPARATOR);
        return slash < 0 ? qualify(target) : qualify(target.substring(0, slash)) + target.substring(slash);
    }

    static boolean isCollection(String typeExpression) {
        return typeExpression != null && typeExpression.startsWith(COLLECTION_PREFIX);
    }

    static String elementType(String typeExpression) {
        if (isCollection(typeExpression) && typeExpression.endsWith(COLLECTION_SUFFIX)) {
            return typeExpression.substring(COLLECTION_PREFIX.length(),
                    typeExpression.length() - COLLECTION_SUFFIX.length());
        }
        return typeExpression;
    }

    /** The last segment of a path: {@code Container/accounts} → {@code accounts}. */
    static String lastSegment(String path) {
        return path.substring(path.lastIndexOf(PATH_SEPARATOR) + 1);
    }

    static String targetOf(String qualifiedElement, String member) {
        return qualifiedElement + PATH_SEPARATOR + member;
    }
}
