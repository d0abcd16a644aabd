package dev.ferry.common.metadata;

import java.util.ArrayList;
import java.util.List;
import org.apache.olingo.commons.api.edm.provider.CsdlAnnotation;
import org.apache.olingo.commons.api.edm.provider.annotation.CsdlConstantExpression;
import org.apache.olingo.commons.api.edm.provider.annotation.CsdlDynamicExpression;
import org.apache.olingo.commons.api.edm.provider.annotation.CsdlExpression;
import org.apache.olingo.commons.api.edm.provider.annotation.CsdlPropertyValue;
import org.apache.olingo.commons.api.edm.provider.annotation.CsdlRecord;

/** Reads the values of the annotation terms Ferry understands from Olingo's raw CSDL expressions. */
final class AnnotationValues {

    private static final String ENUM_MEMBER_SEPARATOR = "/";
    private static final String ENUM_FLAGS_SEPARATOR = "\\s+";

    private AnnotationValues() {
    }

    /**
     * A Boolean tag term such as {@code Core.Computed}: an annotation without a value means
     * {@code true} (the term's default), {@code Bool="false"} switches it off.
     */
    static boolean isTrue(CsdlAnnotation annotation) {
        CsdlExpression expression = annotation.getExpression();
        if (expression == null) {
            return true;
        }
        return expression.isConstant() && Boolean.parseBoolean(expression.asConstant().getValue());
    }

    /** Whether a {@code Core.Permissions} value grants {@code Write} or {@code ReadWrite}. */
    static boolean grantsWrite(CsdlAnnotation annotation) {
        CsdlExpression expression = annotation.getExpression();
        if (expression == null || !expression.isConstant()) {
            // An unreadable permission is not a proof of read-only: do not hide a writable column.
            return true;
        }
        for (String member : expression.asConstant().getValue().strip().split(ENUM_FLAGS_SEPARATOR)) {
            String permission = member.substring(member.lastIndexOf(ENUM_MEMBER_SEPARATOR) + 1);
            if (permission.equals(Vocabulary.PERMISSION_WRITE) || permission.equals(Vocabulary.PERMISSION_READ_WRITE)) {
                return true;
            }
        }
        return false;
    }

    /** The keys of an {@code AlternateKeys} annotation: a collection of records, each with a {@code Key} collection. */
    static List<AlternateKey> alternateKeys(CsdlAnnotation annotation) {
        List<AlternateKey> keys = new ArrayList<>();
        for (CsdlExpression keyRecord : collectionItems(annotation.getExpression())) {
            List<String> propertyNames = new ArrayList<>();
            for (CsdlExpression propertyRef : collectionItems(recordValue(keyRecord, Vocabulary.ALTERNATE_KEY_PROPERTIES))) {
                String name = pathOrString(recordValue(propertyRef, Vocabulary.PROPERTY_REF_NAME));
                if (name != null) {
                    propertyNames.add(name);
                }
            }
            if (!propertyNames.isEmpty()) {
                keys.add(new AlternateKey(propertyNames));
            }
        }
        return keys;
    }

    private static List<CsdlExpression> collectionItems(CsdlExpression expression) {
        if (expression != null && expression.isDynamic() && expression.asDynamic().isCollection()) {
            return expression.asDynamic().asCollection().getItems();
        }
        return List.of();
    }

    private static CsdlExpression recordValue(CsdlExpression expression, String property) {
        if (expression == null || !expression.isDynamic() || !expression.asDynamic().isRecord()) {
            return null;
        }
        CsdlRecord record = expression.asDynamic().asRecord();
        for (CsdlPropertyValue value : record.getPropertyValues()) {
            if (property.equals(value.getProperty())) {
                return value.getValue();
            }
        }
        return null;
    }

    private static String pathOrString(CsdlExpression expression) {
        if (expression == null) {
            return null;
        }
        if (expression.isConstant()) {
            CsdlConstantExpression constant = expression.asConstant();
            return constant.getValue();
        }
        CsdlDynamicExpression dynamic = expression.asDynamic();
        if (dynamic.isPropertyPath()) {
            return dynamic.asPropertyPath().getValue();
        }
        if (dynamic.isPath()) {
            return dynamic.asPath().getValue();
        }
        return null;
    }
}
