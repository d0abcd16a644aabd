package dev.ferry.common.metadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.olingo.client.api.edm.xml.XMLMetadata;
import org.apache.olingo.commons.api.edm.provider.CsdlAnnotation;
import org.apache.olingo.commons.api.edm.provider.CsdlAnnotations;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;

/**
 * Finds the annotations of an element, written inline or out of line
 * ({@code <Annotations Target="Ns.Type/Property">}, common outside Dataverse), by qualified term.
 */
final class AnnotationIndex {

    private final CsdlNames names;
    private final Map<String, List<CsdlAnnotation>> outOfLineByTarget = new HashMap<>();

    AnnotationIndex(XMLMetadata document, CsdlNames names) {
        this.names = names;
        for (CsdlSchema schema : document.getSchemas()) {
            for (CsdlAnnotations group : schema.getAnnotationGroups()) {
                outOfLineByTarget.computeIfAbsent(names.qualifyTarget(group.getTarget()), target -> new ArrayList<>())
                        .addAll(group.getAnnotations());
            }
        }
    }

    /** Every annotation with that qualified term, inline ones first, then those targeting {@code target}. */
    List<CsdlAnnotation> find(List<CsdlAnnotation> inline, String target, String qualifiedTerm) {
        List<CsdlAnnotation> found = new ArrayList<>();
        for (CsdlAnnotation annotation : inline) {
            if (qualifiedTerm.equals(names.qualify(annotation.getTerm()))) {
                found.add(annotation);
            }
        }
        for (CsdlAnnotation annotation : outOfLineByTarget.getOrDefault(target, List.of())) {
            if (qualifiedTerm.equals(names.qualify(annotation.getTerm()))) {
                found.add(annotation);
            }
        }
        return found;
    }
}
