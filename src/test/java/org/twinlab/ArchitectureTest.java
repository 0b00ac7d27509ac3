package org.twinlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core never imports JavaFX, and never reaches up into the faces (ui, cli). */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.twinlab");
    private static final String[] CORE = {"org.twinlab.data..", "org.twinlab.augment..", "org.twinlab.model..",
        "org.twinlab.train..", "org.twinlab.eval..", "org.twinlab.runs..", "org.twinlab.export..",
        "org.twinlab.lesson..", "org.twinlab.util.."};

    @Test
    void coreDoesNotImportJavaFx() {
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..").check(MAIN);
    }

    @Test
    void coreDoesNotDependOnTheFaces() {
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat()
                .resideInAnyPackage("org.twinlab.ui..", "org.twinlab.cli..").check(MAIN);
    }

    @Test
    void theCommandLineDoesNotDependOnTheWindow() {
        noClasses().that().resideInAPackage("org.twinlab.cli..").should().dependOnClassesThat()
                .resideInAPackage("org.twinlab.ui..").check(MAIN);
    }

    @Test
    void dataFlowsOneWay() {
        noClasses().that().resideInAnyPackage("org.twinlab.data..", "org.twinlab.augment..", "org.twinlab.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.twinlab.train..", "org.twinlab.runs..")
                .check(MAIN);
        noClasses().that().resideInAPackage("org.twinlab.train..").should().dependOnClassesThat()
                .resideInAPackage("org.twinlab.runs..").check(MAIN);
    }
}
