package dev.ferry.coordinator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.common.metadata.CsdlMetadataReader;
import dev.ferry.common.metadata.ServiceMetadata;
import dev.ferry.common.plan.Plan;
import dev.ferry.common.plan.PlanOptions;
import dev.ferry.common.plan.PlanProblem;
import dev.ferry.common.plan.ProblemCode;
import dev.ferry.common.plan.TableSpec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Required-ness read from a plain OData service's CSDL decides what may be deferred, and what refuses a plan. */
class LoadOrderProblemsTest {

    @Test
    void aCycleOfRequiredForeignKeysRefusesThePlanNamingTheLookups() {
        ServiceMetadata shop = shop("false", "false");

        List<PlanProblem> problems = PlanChecker.loadOrderProblems(plan(), shop);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(ProblemCode.UNBREAKABLE_CYCLE);
            assertThat(problem.location()).isEqualTo("/tables");
            assertThat(problem.message()).contains("Customers, Orders")
                    .contains("Customers.FirstOrderID, Orders.CustomerID are required");
        });
    }

    @Test
    void theNullableForeignKeyOfACycleIsDeferredAndTheRequiredOneKept() {
        ServiceMetadata shop = shop("true", "false");

        TableGraph graph = TableGraph.of(List.of("Orders", "Customers"), shop);

        assertThat(PlanChecker.loadOrderProblems(plan(), shop)).isEmpty();
        assertThat(graph.deferredLookups()).containsExactly(new DeferredLookup("Customers", "FirstOrderID",
                List.of("Orders"), "breaks cycle Customers→Orders→Customers"));
        assertThat(graph.waves()).containsExactly(List.of("Customers"), List.of("Orders"));
    }

    private static Plan plan() {
        return new Plan("p", "source", "target", List.of(TableSpec.of("Orders"), TableSpec.of("Customers")),
                PlanOptions.defaults());
    }

    /** Customers.FirstOrderID → Orders and Orders.CustomerID → Customers, each nullable or not. */
    private static ServiceMetadata shop(String firstOrderNullable, String customerNullable) {
        String csdl = """
                <?xml version="1.0" encoding="utf-8"?>
                <edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0">
                  <edmx:DataServices>
                    <Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="Shop">
                      <EntityType Name="Customer">
                        <Key><PropertyRef Name="ID"/></Key>
                        <Property Name="ID" Type="Edm.Int32" Nullable="false"/>
                        <Property Name="FirstOrderID" Type="Edm.Int32" Nullable="%s"/>
                        <NavigationProperty Name="FirstOrder" Type="Shop.Order">
                          <ReferentialConstraint Property="FirstOrderID" ReferencedProperty="ID"/>
                        </NavigationProperty>
                      </EntityType>
                      <EntityType Name="Order">
                        <Key><PropertyRef Name="ID"/></Key>
                        <Property Name="ID" Type="Edm.Int32" Nullable="false"/>
                        <Property Name="CustomerID" Type="Edm.Int32" Nullable="%s"/>
                        <NavigationProperty Name="Customer" Type="Shop.Customer">
                          <ReferentialConstraint Property="CustomerID" ReferencedProperty="ID"/>
                        </NavigationProperty>
                      </EntityType>
                      <EntityContainer Name="Container">
                        <EntitySet Name="Customers" EntityType="Shop.Customer">
                          <NavigationPropertyBinding Path="FirstOrder" Target="Orders"/>
                        </EntitySet>
                        <EntitySet Name="Orders" EntityType="Shop.Order">
                          <NavigationPropertyBinding Path="Customer" Target="Customers"/>
                        </EntitySet>
                      </EntityContainer>
                    </Schema>
                  </edmx:DataServices>
                </edmx:Edmx>
                """.formatted(firstOrderNullable, customerNullable);
        return new CsdlMetadataReader().read(new ByteArrayInputStream(csdl.getBytes(StandardCharsets.UTF_8)));
    }
}
