"""Français : les mots que le lecteur voit dans le cœur du cours (clés et marques ``{nom}`` de
``en.py``).

Typographie française : espace insécable (U+00A0) avant « : » et « % » et à l'intérieur des
guillemets, espace fine insécable (U+202F) avant « ; », « ? » et « ! » et entre les milliers
(1 167), virgule décimale (2,5).
"""

LANGUAGE = "fr"

GROUP_SEPARATOR = "\u202f"
DECIMAL_SEPARATOR = ","


def ordinal(n: int) -> str:
    """1 -> '1er', 2 -> '2e' (au masculin : « le 1er rang »)."""
    return f"{n}er" if n == 1 else f"{n}e"


MESSAGES = {
    "list.and": " et ",
    # ------------------------------------------------ le quiz statique
    "quiz.status.static": (
        "Les réponses pourront être vérifiées ici une fois Python chargé dans votre navigateur. "
        "D'ici là, ou sans lui, servez-vous du corrigé placé sous les questions."
    ),
    "quiz.intro.exam": (
        "<strong>Mode examen.</strong> Répondez à toutes les questions, puis validez une seule "
        "fois. Vous verrez alors votre score et l'explication de chaque question. Chaque question "
        "vaut 1\u00a0point."
    ),
    "quiz.intro.practice": (
        "Chaque question vaut 1\u00a0point. Vérifiez vos réponses aussi souvent que vous le "
        "souhaitez\u202f; elles ne sont conservées que dans ce navigateur."
    ),
    "quiz.button.submit": "Valider les réponses",
    "quiz.button.check": "Vérifier les réponses",
    "quiz.button.show_answers": "Afficher les réponses",
    "quiz.button.retry": "Recommencer",
    "quiz.button.reset": "Effacer la progression",
    "quiz.question.number": "Question {n}",
    "quiz.question.number_inline": "Question {n}.",
    "quiz.hint.multiple": (
        "Cochez toutes les bonnes réponses. Chaque bonne réponse rapporte une part égale du "
        "point, chaque mauvaise en retire autant, et la note ne descend jamais sous zéro."
    ),
    "quiz.hint.numeric_exact": "Saisissez un nombre. Seule la valeur exacte compte.",
    "quiz.hint.numeric_tolerance": (
        "Saisissez un nombre. Toute valeur à ±{tolerance}{unit} près de la bonne valeur compte."
    ),
    "quiz.hint.ordering": (
        "Donnez à chaque élément son rang, du {first} au {last}. Chaque élément au bon rang "
        "rapporte une part égale du point."
    ),
    "quiz.hint.matching": (
        "Choisissez la bonne correspondance pour chaque élément. Chaque bonne correspondance "
        "rapporte une part égale du point."
    ),
    "quiz.label.answer": "Votre réponse",
    "quiz.label.answer_in": "Votre réponse, en {unit}",
    "quiz.label.place": "Rang…",
    "quiz.label.choose": "Choisir…",
    "quiz.print.choose_from": "Choisissez parmi (écrivez la lettre)\u00a0:",
    "quiz.key.summary": "Corrigé\u00a0: {title}",
    "quiz.key.lesson_link": "Lire la section de la leçon",
    # ------------------------------------------------ problèmes générés (hipdrop.quiz.generated_html)
    "quiz.problem.given": "Données",
    "quiz.problem.working": "Comment le calculer",
    "quiz.button.new_numbers": "Autres nombres",
    # ------------------------------------------------ la correction
    "grade.answer.right": "Bonne réponse\u00a0:",
    "grade.answer.rights": "Bonnes réponses\u00a0:",
    "grade.answer.range": "(toute valeur de {low} à {high}{unit} compte)",
    "grade.answer.order": "Bon ordre\u00a0:",
    "grade.answer.matches": "Bonnes correspondances\u00a0:",
    "grade.part.unanswered": "Sans réponse.",
    "grade.part.right_place": "Au bon rang.",
    "grade.part.wrong_place": "Pas au bon rang.",
    "grade.part.right_match": "Bonne correspondance.",
    "grade.part.wrong_match": "Mauvaise correspondance.",
    "grade.numeric.unreadable": "«\u00a0{given}\u00a0» ne peut pas être lu comme un nombre.",
    "grade.verdict.correct": "Juste.",
    "grade.verdict.partial": "En partie juste.",
    "grade.verdict.incorrect": "Pas tout à fait.",
    "grade.verdict.unanswered": "Sans réponse.",
    "grade.partial_mark": " {mark} point sur {max}.",
    "grade.summary": "Votre score\u00a0: {score} sur {max} ({percent}\u00a0%).",
    "grade.exam.unanswered_one": (
        "Ceci est un examen\u00a0: répondez à toutes les questions avant de valider. La question "
        "{numbers} n'a pas encore de réponse complète."
    ),
    "grade.exam.unanswered_many": (
        "Ceci est un examen\u00a0: répondez à toutes les questions avant de valider. Les questions "
        "{numbers} n'ont pas encore de réponse complète."
    ),
    # ------------------------------------------------ le quiz en direct (quiz.js)
    "quiz.live.correct_choice": "Juste\u00a0:",
    "quiz.live.wrong_choice": "Faux\u00a0:",
    "quiz.live.lesson_link": "Lire la section de la leçon qui l'explique",
    "quiz.live.version": (
        "Version {seed}\u00a0: les options sont mélangées à chaque tentative. Pour donner à "
        "quelqu'un ce même ordre, partagez {link}."
    ),
    "quiz.live.version_link": "le lien vers la version {seed}",
    "quiz.live.show_answers": "Afficher les réponses",
    "quiz.live.hide_answers": "Masquer les réponses",
    "quiz.live.exam_locked": (
        "{summary} Vos réponses sont verrouillées\u202f; chaque question montre maintenant son "
        "explication et la bonne réponse."
    ),
    "quiz.live.check_failed": "Vos réponses n'ont pas pu être vérifiées\u00a0: {reason}",
    "quiz.live.problem_failed": "Impossible de donner d'autres nombres\u00a0: {reason}",
    "quiz.live.new_numbers": "Autres nombres\u00a0: {values}.",
    "quiz.live.start_failed": "Le quiz n'a pas pu démarrer\u00a0: {reason}",
    "quiz.live.retry_same_version": (
        "Nouvelle tentative\u00a0: vos réponses sont effacées. L'ordre reste celui de la version "
        "{seed}, comme le demande le lien."
    ),
    "quiz.live.retry_new_order": (
        "Nouvelle tentative\u00a0: vos réponses sont effacées et les options sont dans un nouvel ordre."
    ),
    "quiz.live.reset_done": ("Progression effacée\u00a0: ce navigateur ne garde plus rien de ce quiz."),
    "quiz.live.store_blocked": (
        "Votre progression ne peut pas être gardée sur cet appareil\u00a0: ce navigateur ne laisse "
        "le cours rien enregistrer (les données de site sont bloquées). Vos réponses sont quand "
        "même vérifiées\u202f; elles sont perdues si vous quittez ou rechargez la page."
    ),
    "quiz.live.store_full": (
        "Votre progression ne peut pas être gardée sur cet appareil\u00a0: l'espace de stockage "
        "du navigateur pour ce site est plein. Vos réponses sont quand même vérifiées\u202f; elles "
        "sont perdues si vous quittez ou rechargez la page."
    ),
    # ------------------------------------------------ la ligne d'état d'un widget
    "offline.keep.title": "Enregistrer ce cours pour une utilisation hors ligne",
    "offline.keep.body": (
        "Les pages que vous ouvrez sont gardées sur cet appareil et fonctionnent sans réseau. Pour avoir tout le "
        "cours hors ligne, enregistrez-le ici\xa0: les pages que vous n'avez pas encore ouvertes et l'environnement "
        "Python dont ont besoin ses parties interactives (l'environnement seul pèse {size}), téléchargés une seule "
        "fois. L'environnement est gardé de toute façon dès que vous avez utilisé l'une d'elles ici."
    ),
    "offline.keep.save_data": (
        "Votre navigateur demande d'économiser les données. Le bouton télécharge {size}\xa0: utilisez-le en Wi-Fi si "
        "possible."
    ),
    "offline.keep.button": "Enregistrer ce cours hors ligne ({size})",
    "offline.keep.progress_label": "Enregistrement du cours pour une utilisation hors ligne",
    "offline.keep.downloading": "Enregistrement\xa0: {loaded} sur {total}.",
    "offline.keep.kept": (
        "Enregistré sur cet appareil\xa0: tout le cours, parties interactives comprises, fonctionne sans réseau."
    ),
    "offline.keep.failed": (
        "Le téléchargement s'est arrêté ({message}). Rien n'est perdu\xa0: appuyez sur le bouton pour réessayer."
    ),
    "offline.keep.megabytes": "{n}\u00a0Mo",
    "offline.keep.anyway": "Télécharger quand même {size}",
    "status.idle": "Python démarre dans votre navigateur quand vous arrivez à cette partie de la page.",
    "status.loading": "Chargement de Python dans votre navigateur\u00a0: {stage}… ",
    "status.loading_label": "Chargement de Python",
    "status.starting": "démarrage",
    "status.ready": (
        "Prêt. Python s'exécute dans votre navigateur\u202f; rien de ce que vous saisissez ne quitte cet appareil."
    ),
    "status.failed": "{what}\u00a0: {reason}. Vous pouvez toujours lire et imprimer cette page. ",
    "status.failed.start": "Python n'a pas pu démarrer dans ce navigateur",
    "status.failed.running": "Python a cessé de fonctionner dans ce navigateur",
    "status.failed.call": "Python n'a pas pu terminer cette étape",
    "status.failed.widget": "Cette partie de la page n'a pas pu démarrer",
    "status.unknown_reason": "raison inconnue",
    "status.retry": "Réessayer",
    # ------------------------------------------------ démarrage et pannes du moteur
    "engine.stage.starting": "Démarrage",
    "engine.stage.download": "Téléchargement de l'environnement Python",
    "engine.stage.python": "Démarrage de Python",
    "engine.stage.engine": "Chargement du moteur du cours",
    "engine.stage.ready": "Prêt",
    "engine.stage.failed": "Échec",
    "engine.stage.widget": "chargement de cette partie de la page",
    "engine.error.engine_download": "le moteur du cours n'a pas pu être téléchargé (HTTP {status})",
    "engine.error.engine_checksum": "le moteur du cours ne correspond pas à son empreinte, il n'a donc pas été lancé",
    "engine.error.engine_install": "le moteur du cours n'a pas pu être chargé",
    "engine.error.runtime_download": "l'environnement Python n'a pas pu être téléchargé",
    "engine.error.worker_stopped": "le processus Python s'est arrêté",
    "engine.error.worker_no_start": "le processus Python n'a pas pu démarrer",
    "engine.error.worker_detail": "{reason} ({detail})",
    "engine.error.unreadable": "un message du processus Python n'a pas pu être lu",
    "engine.error.boot_timeout": "Python a mis trop de temps à démarrer",
    "engine.error.call_timeout": "Python ne répond plus",
    "engine.error.not_running": "le processus Python ne tourne pas",
    "engine.error.unknown": "erreur inconnue",
    "engine.error.unknown_widget": "cette page demande un widget que le cours n'a pas («\u00a0{kind}\u00a0»)",
    "engine.error.widget_load": "le widget «\u00a0{kind}\u00a0» n'a pas pu être chargé ({reason})",
    "engine.error.widget_start": "le widget «\u00a0{kind}\u00a0» n'a pas pu démarrer ({reason})",
    "engine.unsupported": (
        "il lui manque {features}, dont Python a besoin\u202f; un Firefox, Safari, Chrome ou Edge récent l'a"
    ),
    "engine.unsupported_many": (
        "il lui manque {features}, dont Python a besoin\u202f; un Firefox, Safari, Chrome ou Edge récent les a"
    ),
    "engine.feature.module_workers": "les workers en module",
    # ------------------------------------------------ le mode présentation
    "present.toggle": "Présenter",
    "present.toggle_title": "Montrer cette leçon une section à la fois, en grands caractères (touche\u00a0: P)",
    "present.bar": "Présentation",
    "present.previous": "Précédent",
    "present.next": "Suivant",
    "present.qr": "Code QR",
    "present.exit": "Quitter",
    "present.position": "{n} / {total}\u00a0: {title}",
    "present.question.previous": "Question précédente",
    "present.question.reveal": "Révéler la réponse",
    "present.question.next": "Question suivante",
    "present.question.count": "Question {n} sur {total}",
    "present.answer": "Réponse",
    "present.no_key": "Cette question n'a pas de corrigé.",
    "present.more_below": "Suite plus bas ↓",
    "present.notes": "Notes de l'orateur",
    "present.notes_button": "Notes orateur",
    "present.notes_none": "Pas de notes pour cette diapositive.",
    "present.notes_next": "Ensuite\u00a0: {title}",
    "present.notes_last": "C'est la dernière diapositive.",
    "present.notes_blocked": (
        "Le navigateur a bloqué la fenêtre des notes\u00a0: autorisez les fenêtres pour ce site, puis appuyez de "
        "nouveau sur S."
    ),
    "present.timer": "Temps écoulé\u00a0: {time}",
    "present.timer_restart": "Remettre le chronomètre à zéro",
    # ------------------------------------------------ codes de résultat : côté élève (quiz.js, result-code-view.js)
    "quiz.live.code_summary": "Code de résultat pour votre enseignant",
    "quiz.live.code_intro": (
        "Si votre enseignant recueille les résultats, montrez-lui ce code ou laissez-le lire le code QR. Il "
        "contient les réponses et le score de ce quiz, et rien sur vous, sauf si vous tapez un nom ci-dessous."
    ),
    "quiz.live.code_nickname": "Nom ou surnom (facultatif)",
    "quiz.live.code_label": "Votre code de résultat",
    "quiz.live.code_qr": "Code QR de votre code de résultat",
    "quiz.live.code_failed": "Le code de résultat n'a pas pu être créé\u00a0: {reason}",
    # ------------------------------------------------ codes de résultat lus (hipdrop.quiz.class_results)
    "results.refused.empty": "Cette ligne ne contient aucun code.",
    "results.refused.characters": (
        "Ce n'est pas un code de résultat\u00a0: il contient des caractères qu'un code n'a jamais ({characters})."
    ),
    "results.refused.format": (
        "Ce code a été créé par une autre version du logiciel du cours, que cette page ne sait pas lire."
    ),
    "results.refused.check": (
        "Ce code contient une faute de frappe\u00a0: son dernier caractère ne correspond pas aux autres. "
        "Comparez-le à l'écran de l'élève."
    ),
    "results.refused.unknown_quiz": "Ce code est celui d'un quiz que ce cours n'a pas.",
    "results.refused.other_version": (
        "Ce code vient d'une autre version du quiz «\u00a0{title}\u00a0»\u00a0: le quiz a changé depuis. Il ne "
        "peut être lu que sur la version du cours que l'élève a utilisée."
    ),
    "results.refused.damaged": (
        "Ce code ne peut pas être lu\u00a0: il ne contient pas un résultat entier (un caractère est "
        "peut-être mal tapé)."
    ),
    "results.refused.duplicate": "Ce code est déjà dans la classe.",
    "results.band": "{low}–{high}\u00a0%",
    "results.csv.quiz": "questionnaire",
    "results.csv.version": "version du quiz",
    "results.csv.nickname": "surnom",
    "results.csv.score": "points",
    "results.csv.max": "sur",
    "results.csv.percent": "pourcentage",
    "results.csv.question": "Q. {n}",
    # ------------------------------------------------ la page des résultats de la classe (class-results.js)
    "class.title": "Les résultats de votre classe",
    "class.status.static": (
        "Cette page lit les codes de résultat de vos élèves avec Python dans votre navigateur. Il démarre quand "
        "vous arrivez à cette partie de la page."
    ),
    "class.privacy": (
        "Les codes et le tableau restent dans ce navigateur, sur cet appareil. Rien n'est envoyé nulle part. "
        "«\u00a0Supprimer cette classe\u00a0» les efface."
    ),
    "class.paste.label": "Collez ou tapez les codes, un par ligne",
    "class.paste.add": "Ajouter ces codes",
    "class.scan.start": "Lire les codes QR avec la caméra",
    "class.scan.stop": "Arrêter la caméra",
    "class.scan.video": "Image de la caméra",
    "class.scan.looking": (
        "Caméra allumée\u00a0: montrez-lui le code QR d'un élève. Chaque code n'est ajouté qu'une fois."
    ),
    "class.scan.no_camera": "La caméra ne peut pas être utilisée ici ({reason}). Collez ou tapez plutôt les codes.",
    "class.scan.added": "Ajouté\u00a0: {name}, {percent}\u00a0%.",
    "class.added_one": "1 code ajouté.",
    "class.added_many": "{count} codes ajoutés.",
    "class.added_none": "Aucun code ajouté.",
    "class.refused_heading": "Non ajoutés",
    "class.refused_line": "Ligne {line}, «\u00a0{text}\u00a0»\u00a0:",
    "class.empty": "Pas encore de résultats. Ajoutez les codes que vos élèves vous montrent.",
    "class.quiz_facts": "{students} élèves, score moyen {mean}\u00a0%. Version {version} du quiz.",
    "class.quiz_facts_one": "1 élève, score {mean}\u00a0%. Version {version} du quiz.",
    "class.distribution": "Répartition des scores",
    "class.col.band": "Tranche de score",
    "class.col.count": "Élèves",
    "class.questions": "Question par question",
    "class.col.question": "Énoncé",
    "class.col.right": "Juste",
    "class.col.wrong": "Mauvaise réponse la plus choisie",
    "class.right_cell": "{percent}\u00a0% ({right} sur {students})",
    "class.partial_cell": "{partial} en partie justes",
    "class.wrong_count": "{count} ont choisi\u00a0:",
    "class.no_wrong": "Aucune",
    "class.rows": "Élèves",
    "class.col.nickname": "Nom",
    "class.col.score": "Points",
    "class.no_nickname": "(sans nom)",
    "class.score_cell": "{score} / {max} ({percent}\u00a0%)",
    "class.project": "Montrer au vidéoprojecteur",
    "class.project_exit": "Revenir à la page entière",
    "class.project_note": "Au vidéoprojecteur\u00a0: aucun nom, seulement la classe dans son ensemble.",
    "class.csv": "Exporter en CSV",
    "class.csv_file": "resultats-classe.csv",
    "class.delete": "Supprimer cette classe",
    "class.delete_confirm": "Supprimer de ce navigateur tous les codes de cette classe\u202f? C'est définitif.",
    "class.deleted": "La classe est supprimée\u00a0: plus rien d'elle n'est gardé dans ce navigateur.",
    "class.store_blocked": (
        "Ce navigateur ne laisse la page rien garder\u00a0: la classe sera perdue quand vous quitterez ou "
        "rechargerez la page."
    ),
    "class.read_failed": "Les codes n'ont pas pu être lus\u00a0: {reason}",
    # ------------------------------------------------ les mots des feuilles de style (CSS ``content``)
    "css.not_answered": " (sans réponse)",
    "css.right_answer": " ✓ bonne réponse",
    "css.worksheet_name": "Nom\u00a0: ______________________________    Date\u00a0: ______________",
    "css.worksheet_name_score": "Nom\u00a0: ________________________    Date\u00a0: ____________    Note\u00a0: "
    "______ / ",
    # ------------------------------------------------ le dossier de classe ouvert depuis le disque
    "offline.file_notice": (
        "La partie interactive de cette page exécute Python dans votre navigateur, ce qui demande "
        "le lanceur du cours. Fermez cette fenêtre et double-cliquez sur serve.py dans le dossier "
        "du cours (le fichier README explique comment faire sous Windows, macOS et Linux)\u00a0: "
        "le cours s'ouvre alors dans votre navigateur, entièrement fonctionnel. D'ici là, vous "
        "pouvez lire et imprimer cette page\u202f; chaque quiz a son corrigé sous les questions."
    ),
    # ------------------------------------------------ les documents imprimés (hipdrop handouts)
    "handouts.booklet.title": "{course}\u00a0: livret du cours",
    "handouts.booklet.label": "Livret du cours.",
    "handouts.booklet.intro": ("Les pages du cours, dans l'ordre. Les numéros renvoient aux pages de ce livret."),
    "handouts.group.booklet": "Livret du cours",
    "handouts.group.quizzes": "Questionnaires à remplir et corrigés",
    "handouts.worksheet.title": "Questionnaire\u00a0: {name}",
    "handouts.key.title": "Corrigé\u00a0: {name}",
    "handouts.version.worksheet": "Questionnaire, version {number} sur {count}",
    "handouts.version.key": "Corrigé, version {number} sur {count}",
    "handouts.version.worksheet.title": "Questionnaire\u00a0: {name}, version {number} sur {count}",
    "handouts.version.key.title": "Corrigé\u00a0: {name}, version {number} sur {count}",
    "handouts.from": "Tiré de\u00a0: {page}",
    "handouts.link.section": "{page}, section «\u00a0{section}\u00a0»",
    "handouts.footer.page": "Page {page} sur {total}",
    "handouts.paper.a4": "A4",
    "handouts.paper.letter": "Lettre US",
    "handouts.list.paper": "Format du papier de ces fichiers\u00a0: {paper}.",
    "handouts.list.pdf": "PDF",
    "handouts.list.page": "Sur le site",
    "handouts.list.pages": "Pages",
    "handouts.list.size": "Taille",
    "handouts.list.file": "{title} (PDF)",
    "handouts.pages.one": "1 page",
    "handouts.pages.many": "{n} pages",
    "handouts.size.kb": "{n}\u00a0Ko",
    "handouts.size.mb": "{n}\u00a0Mo",
    "handouts.pdf_link": "Télécharger cette page en PDF",
    "handouts.pdf_link.facts": "({paper}, {pages}, {size}).",
    "handouts.all": "Tous les documents à imprimer",
    "handouts.search.intro": "Les documents à imprimer, en PDF\u00a0:",
    "handouts.search.item": "{title} ({pages}, {size}, PDF)",
}
