package org.ninexplorer.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layers of docs/architecture: model is plain Java, only training touches DL4J. */
@AnalyzeClasses(packages = "org.ninexplorer", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule modelIsPlainJava = noClasses().that().resideInAPackage("org.ninexplorer.model..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.nd4j..", "org.deeplearning4j..",
                    "org.ninexplorer.data..", "org.ninexplorer.training..", "org.ninexplorer.ui..");

    @ArchTest
    static final ArchRule onlyTrainingAndDataTouchDl4j = noClasses().that()
            .resideOutsideOfPackages("org.ninexplorer.training..", "org.ninexplorer.data..")
            .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..");

    @ArchTest
    static final ArchRule engineHasNoJavaFx = noClasses().that()
            .resideInAnyPackage("org.ninexplorer.training..", "org.ninexplorer.data..", "org.ninexplorer.cli..",
                    "org.ninexplorer.export..", "org.ninexplorer.lesson..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");
}
