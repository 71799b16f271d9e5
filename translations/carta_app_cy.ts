<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB">
<context>
    <name>FieldForm</name>
    <message>
        <source>Problems with %1</source>
        <translation>Problemau gyda %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Golygu %1</translation>
    </message>
    <message>
        <source>Other: %1</source>
        <translation>Arall: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ItemCommands</name>
    <message>
        <source>Edit Title</source>
        <translation>Golygu&apos;r teitl</translation>
    </message>
    <message>
        <source>Edit Slug</source>
        <translation>Golygu&apos;r bonyn</translation>
    </message>
    <message>
        <source>Edit Summary</source>
        <translation>Golygu&apos;r crynodeb</translation>
    </message>
    <message>
        <source>Edit Paragraph</source>
        <translation>Golygu paragraff</translation>
    </message>
    <message>
        <source>Edit Tags</source>
        <translation>Golygu tagiau</translation>
    </message>
    <message>
        <source>Add Paragraph</source>
        <translation>Ychwanegu paragraff</translation>
    </message>
    <message>
        <source>Remove Paragraph</source>
        <translation>Tynnu paragraff</translation>
    </message>
    <message>
        <source>Move Paragraph Up</source>
        <translation>Symud paragraff i fyny</translation>
    </message>
    <message>
        <source>Move Paragraph Down</source>
        <translation>Symud paragraff i lawr</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Curriculum</source>
        <translation>Cwricwlwm</translation>
    </message>
    <message>
        <source>Pathway</source>
        <translation>Llwybr</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Tudalen</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Adnodd</translation>
    </message>
    <message>
        <source>News</source>
        <translation>Newyddion</translation>
    </message>
    <message>
        <source>Funding guide</source>
        <translation>Canllaw cyllid</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Polisi</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Porth</translation>
    </message>
    <message>
        <source>Bulletin</source>
        <translation>Bwletin</translation>
    </message>
    <message>
        <source>Taxonomy term</source>
        <translation>Term tacsonomeg</translation>
    </message>
    <message>
        <source>Curricula</source>
        <translation>Cwricwla</translation>
    </message>
    <message>
        <source>Pathways</source>
        <translation>Llwybrau</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Tudalennau</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Adnoddau</translation>
    </message>
    <message>
        <source>Funding guides</source>
        <translation>Canllawiau cyllid</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Polisïau</translation>
    </message>
    <message>
        <source>Portals</source>
        <translation>Pyrth</translation>
    </message>
    <message>
        <source>Bulletins</source>
        <translation>Bwletinau</translation>
    </message>
    <message>
        <source>Taxonomy terms</source>
        <translation>Termau tacsonomeg</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Drafft</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>Dan adolygiad</translation>
    </message>
    <message>
        <source>Changes requested</source>
        <translation>Gofynnwyd am newidiadau</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Cymeradwywyd</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Cyhoeddwyd</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archifwyd</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Cyflwr</translation>
    </message>
    <message>
        <source>Profession</source>
        <translation>Proffesiwn</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>Arbenigedd</translation>
    </message>
    <message>
        <source>Career stage</source>
        <translation>Cyfnod gyrfa</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Rhanbarth</translation>
    </message>
    <message>
        <source>Clinical area</source>
        <translation>Maes clinigol</translation>
    </message>
    <message>
        <source>Professions</source>
        <translation>Proffesiynau</translation>
    </message>
    <message>
        <source>Specialties</source>
        <translation>Arbenigeddau</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Rhanbarthau</translation>
    </message>
    <message>
        <source>Career stages</source>
        <translation>Cyfnodau gyrfa</translation>
    </message>
    <message>
        <source>Clinical areas</source>
        <translation>Meysydd clinigol</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Testun</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Pennawd</translation>
    </message>
    <message>
        <source>Learning outcomes</source>
        <translation>Deilliannau dysgu</translation>
    </message>
    <message>
        <source>Callout</source>
        <translation>Blwch amlygu</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Dolenni</translation>
    </message>
    <message>
        <source>National</source>
        <translation>Cenedlaethol</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>Carta</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>Carta: edit health-education content offline and sync it with the server.</source>
        <translation>Carta: golygu cynnwys addysg iechyd all-lein a&apos;i gysoni â&apos;r gweinydd.</translation>
    </message>
    <message>
        <source>Open this replica file instead of an account&apos;s.</source>
        <translation>Agor y ffeil copi lleol hon yn lle un cyfrif.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FFEIL</translation>
    </message>
    <message>
        <source>Open this item in a tab (repeatable).</source>
        <translation>Agor yr eitem hon mewn tab (gellir ailadrodd).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Render the main window to this PNG file once loaded, then exit.</source>
        <translation>Llunio&apos;r brif ffenestr i&apos;r ffeil PNG hon ar ôl llwytho, yna gadael.</translation>
    </message>
    <message>
        <source>Window size for --screenshot (default 1440x900).</source>
        <translation>Maint y ffenestr ar gyfer --screenshot (rhagosodiad 1440x900).</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>LxU</translation>
    </message>
    <message>
        <source>Once the main window is shown and idle, print the time since the process started and its memory, then exit (bench_app_start).</source>
        <translation>Pan fydd y brif ffenestr i&apos;w gweld ac yn segur, argraffu&apos;r amser ers i&apos;r broses ddechrau a&apos;i chof, yna gadael (bench_app_start).</translation>
    </message>
    <message>
        <source>Open the conflict dialog for this item (with --screenshot: render the dialog).</source>
        <translation>Agor y ffenestr gwrthdaro ar gyfer yr eitem hon (gyda --screenshot: llunio&apos;r ffenestr).</translation>
    </message>
    <message>
        <source>Cannot open the replica %1:
%2</source>
        <translation>Methu agor y copi lleol %1:
%2</translation>
    </message>
    <message>
        <source>--screenshot needs --replica FILE</source>
        <translation>Mae --screenshot angen --replica FFEIL</translation>
    </message>
    <message>
        <source>--size must look like 1440x900</source>
        <translation>Rhaid i --size edrych fel 1440x900</translation>
    </message>
    <message>
        <source>Show this section of the last opened item: item, details, paragraphs or attachments.</source>
        <translation>Dangos yr adran hon o&apos;r eitem a agorwyd olaf: item, details, paragraphs neu attachments.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>ENW</translation>
    </message>
    <message>
        <source>Open the moderation queue with this item under review (with --screenshot: render that window).</source>
        <translation>Agor y ciw cymedroli gyda&apos;r eitem hon dan adolygiad (gyda --screenshot: llunio&apos;r ffenestr honno).</translation>
    </message>
    <message>
        <source>Open the history of this item (with --screenshot: render the dialog).</source>
        <translation>Agor hanes yr eitem hon (gyda --screenshot: llunio&apos;r ffenestr).</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>methu creu&apos;r ffolder %1</translation>
    </message>
    <message>
        <source>Your unsent changes can be saved: run `carta-cli --replica %1 recover`.</source>
        <translation>Gellir cadw eich newidiadau heb eu hanfon: rhedwch `carta-cli --replica %1 recover`.</translation>
    </message>
    <message>
        <source>this replica belongs to %1 on %2, not %3 on %4</source>
        <translation>mae&apos;r copi lleol hwn yn perthyn i %1 ar %2, nid %3 ar %4</translation>
    </message>
</context>
<context>
    <name>carta::app::AccountCheck</name>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>Methu cyrraedd %1: %2</translation>
    </message>
    <message>
        <source>The server refused this token (HTTP %1). Check it, or ask an administrator for a new one.</source>
        <translation>Gwrthododd y gweinydd y tocyn hwn (HTTP %1). Gwiriwch ef, neu gofynnwch i weinyddwr am un newydd.</translation>
    </message>
    <message>
        <source>%1 did not answer like a Carta server (HTTP %2).</source>
        <translation>Nid atebodd %1 fel gweinydd Carta (HTTP %2).</translation>
    </message>
</context>
<context>
    <name>carta::app::AssessmentMethodDelegate</name>
    <message>
        <source>Assessment method</source>
        <translation>Dull asesu</translation>
    </message>
</context>
<context>
    <name>carta::app::AssessmentTableModel</name>
    <message>
        <source>Method</source>
        <translation>Dull</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Disgrifiad</translation>
    </message>
    <message>
        <source>Workplace-based assessment</source>
        <translation>Asesiad yn y gweithle</translation>
    </message>
    <message>
        <source>Examination</source>
        <translation>Arholiad</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Portffolio</translation>
    </message>
    <message>
        <source>Annual review of competence progression (ARCP)</source>
        <translation>Adolygiad blynyddol o ddilyniant cymhwysedd (ARCP)</translation>
    </message>
    <message>
        <source>Direct observation of procedural skills (DOPS)</source>
        <translation>Arsylwi uniongyrchol ar sgiliau triniaethol (DOPS)</translation>
    </message>
    <message>
        <source>Mini clinical evaluation exercise (mini-CEX)</source>
        <translation>Ymarfer gwerthuso clinigol bach (mini-CEX)</translation>
    </message>
    <message>
        <source>Case-based discussion (CbD)</source>
        <translation>Trafodaeth ar sail achos (CbD)</translation>
    </message>
    <message>
        <source>Multi-source feedback (MSF)</source>
        <translation>Adborth aml-ffynhonnell (MSF)</translation>
    </message>
    <message>
        <source>Objective structured clinical examination (OSCE)</source>
        <translation>Arholiad clinigol strwythuredig gwrthrychol (OSCE)</translation>
    </message>
    <message>
        <source>Add Assessment</source>
        <translation>Ychwanegu asesiad</translation>
    </message>
    <message>
        <source>Remove Assessment</source>
        <translation>Tynnu asesiad</translation>
    </message>
    <message>
        <source>Move Assessment</source>
        <translation>Symud asesiad</translation>
    </message>
    <message>
        <source>Edit Assessment %1</source>
        <translation>Golygu asesiad %1</translation>
    </message>
</context>
<context>
    <name>carta::app::AttachmentsPanel</name>
    <message>
        <source>Attachments</source>
        <translation>Atodiadau</translation>
    </message>
    <message>
        <source>Drop files here to attach them, or use Add File. They are uploaded with the next sync.</source>
        <translation>Gollyngwch ffeiliau yma i&apos;w hatodi, neu defnyddiwch Ychwanegu ffeil. Cânt eu llwytho i fyny gyda&apos;r cysoni nesaf.</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Ffeiliau atodedig</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Maint</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Add &amp;File…</source>
        <translation>Ychwanegu &amp;ffeil…</translation>
    </message>
    <message>
        <source>Add a file</source>
        <translation>Ychwanegu ffeil</translation>
    </message>
    <message>
        <source>Choose files to attach to this item</source>
        <translation>Dewis ffeiliau i&apos;w hatodi i&apos;r eitem hon</translation>
    </message>
    <message>
        <source>Re&amp;move File</source>
        <translation>&amp;Tynnu ffeil</translation>
    </message>
    <message>
        <source>Remove the selected file</source>
        <translation>Tynnu&apos;r ffeil a ddewiswyd</translation>
    </message>
    <message>
        <source>Remove the selected file from this item</source>
        <translation>Tynnu&apos;r ffeil a ddewiswyd o&apos;r eitem hon</translation>
    </message>
    <message>
        <source>Attachment message</source>
        <translation>Neges atodiad</translation>
    </message>
    <message>
        <source>Problems with attachments</source>
        <translation>Problemau gydag atodiadau</translation>
    </message>
    <message>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <source>Attachment %1 (%2): %3</source>
        <translation>Atodiad %1 (%2): %3</translation>
    </message>
    <message>
        <source>Attachments: %1</source>
        <translation>Atodiadau: %1</translation>
    </message>
    <message>
        <source>“%1” was not attached: there is no such file.</source>
        <translation>Ni atodwyd “%1”: nid oes ffeil o&apos;r fath.</translation>
    </message>
    <message>
        <source>“%1” was not attached: it is a folder; attach the files in it instead.</source>
        <translation>Ni atodwyd “%1”: ffolder yw hwn; atodwch y ffeiliau sydd ynddo yn lle hynny.</translation>
    </message>
    <message>
        <source>“%1” was not attached: the file is empty.</source>
        <translation>Ni atodwyd “%1”: mae&apos;r ffeil yn wag.</translation>
    </message>
    <message>
        <source>“%1” was not attached: it is %2, and the largest file an item can have is %3.</source>
        <translation>Ni atodwyd “%1”: mae&apos;n %2, a&apos;r ffeil fwyaf y gall eitem ei chael yw %3.</translation>
    </message>
    <message>
        <source>“%1” was not attached: %2.</source>
        <translation>Ni atodwyd “%1”: %2.</translation>
    </message>
    <message>
        <source>“%1” is attached already.</source>
        <translation>Mae “%1” wedi&apos;i atodi eisoes.</translation>
    </message>
    <message>
        <source>Attach “%1”</source>
        <translation>Atodi “%1”</translation>
    </message>
    <message numerus="yes">
        <source>Attach %n Files</source>
        <translation>
            <numerusform>Atodi %n ffeil</numerusform>
            <numerusform>Atodi %n ffeil</numerusform>
            <numerusform>Atodi %n ffeil</numerusform>
            <numerusform>Atodi %n ffeil</numerusform>
            <numerusform>Atodi %n ffeil</numerusform>
        </translation>
    </message>
    <message>
        <source>Attached %1. Uploaded with the next sync.</source>
        <translation>Atodwyd %1. Llwythir i fyny gyda&apos;r cysoni nesaf.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Remove Attachment “%1”</source>
        <translation>Tynnu&apos;r atodiad “%1”</translation>
    </message>
    <message>
        <source>Removed “%1” from this item.</source>
        <translation>Tynnwyd “%1” o&apos;r eitem hon.</translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>Atodi ffeiliau</translation>
    </message>
    <message>
        <source>Release to attach the files to this item.</source>
        <translation>Gollyngwch i atodi&apos;r ffeiliau i&apos;r eitem hon.</translation>
    </message>
    <message>
        <source>Files not attached</source>
        <translation>Ffeiliau heb eu hatodi</translation>
    </message>
</context>
<context>
    <name>carta::app::CompetencyTableModel</name>
    <message>
        <source>Code</source>
        <translation>Cod</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Teitl</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Disgrifiad</translation>
    </message>
    <message>
        <source>Learning outcomes</source>
        <translation>Deilliannau dysgu</translation>
    </message>
    <message>
        <source>Add Competency</source>
        <translation>Ychwanegu cymhwysedd</translation>
    </message>
    <message>
        <source>Remove Competency</source>
        <translation>Tynnu cymhwysedd</translation>
    </message>
    <message>
        <source>Move Competency</source>
        <translation>Symud cymhwysedd</translation>
    </message>
    <message>
        <source>Edit Competency %1</source>
        <translation>Golygu cymhwysedd %1</translation>
    </message>
</context>
<context>
    <name>carta::app::ConflictDialog</name>
    <message>
        <source>title</source>
        <translation>teitl</translation>
    </message>
    <message>
        <source>introduction</source>
        <translation>cyflwyniad</translation>
    </message>
    <message>
        <source>body</source>
        <translation>corff</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Cofnod</translation>
    </message>
    <message>
        <source>%1 (removed)</source>
        <translation>%1 (tynnwyd)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>The whole item</source>
        <translation>Yr eitem gyfan</translation>
    </message>
    <message>
        <source>%1 fields</source>
        <translation>Meysydd %1</translation>
    </message>
    <message>
        <source>%1 tags</source>
        <translation>Tagiau %1</translation>
    </message>
    <message>
        <source>Search description</source>
        <translation>Disgrifiad chwilio</translation>
    </message>
    <message>
        <source>Search keywords</source>
        <translation>Geiriau allweddol chwilio</translation>
    </message>
    <message>
        <source>Scheduled publication</source>
        <translation>Cyhoeddi wedi&apos;i drefnu</translation>
    </message>
    <message>
        <source>Scheduled withdrawal</source>
        <translation>Tynnu&apos;n ôl wedi&apos;i drefnu</translation>
    </message>
    <message>
        <source>Entry %1</source>
        <translation>Cofnod %1</translation>
    </message>
    <message>
        <source>Order of %1</source>
        <translation>Trefn %1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ie</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Na</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Heb deitl</translation>
    </message>
    <message>
        <source>Resolve conflict: %1</source>
        <translation>Datrys gwrthdaro: %1</translation>
    </message>
    <message>
        <source>Conflict in “%1”</source>
        <translation>Gwrthdaro yn “%1”</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Eitem</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Beth ddigwyddodd</translation>
    </message>
    <message>
        <source>Why resolving failed</source>
        <translation>Pam methodd y datrys</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>&amp;Datrys</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Datrys</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>Penderfynu &amp;wedyn</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Penderfynu wedyn</translation>
    </message>
    <message>
        <source>Closes this window; the conflict waits, and both versions are kept.</source>
        <translation>Yn cau&apos;r ffenestr hon; mae&apos;r gwrthdaro&apos;n aros, a chedwir y ddwy fersiwn.</translation>
    </message>
    <message>
        <source>&amp;Places in conflict</source>
        <translation>&amp;Mannau sy&apos;n gwrthdaro</translation>
    </message>
    <message>
        <source>Places in conflict</source>
        <translation>Mannau sy&apos;n gwrthdaro</translation>
    </message>
    <message>
        <source>Each place where both sides changed the same thing, with the decision made for it.</source>
        <translation>Pob man lle newidiodd y ddwy ochr yr un peth, gyda&apos;r penderfyniad a wnaed ar ei gyfer.</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Man</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Penderfyniad</translation>
    </message>
    <message>
        <source>Selected place</source>
        <translation>Y man a ddewiswyd</translation>
    </message>
    <message>
        <source>&amp;Base (before both changes)</source>
        <translation>&amp;Sylfaen (cyn y ddau newid)</translation>
    </message>
    <message>
        <source>Base, before both changes</source>
        <translation>Sylfaen, cyn y ddau newid</translation>
    </message>
    <message>
        <source>M&amp;ine (this computer)</source>
        <translation>&amp;Fy fersiwn i (y cyfrifiadur hwn)</translation>
    </message>
    <message>
        <source>Mine, changed on this computer</source>
        <translation>Fy fersiwn i, wedi&apos;i newid ar y cyfrifiadur hwn</translation>
    </message>
    <message>
        <source>T&amp;heirs (server)</source>
        <translation>&amp;Eu fersiwn nhw (gweinydd)</translation>
    </message>
    <message>
        <source>Theirs, changed on the server</source>
        <translation>Eu fersiwn nhw, wedi&apos;i newid ar y gweinydd</translation>
    </message>
    <message>
        <source>How differences are marked</source>
        <translation>Sut mae gwahaniaethau&apos;n cael eu marcio</translation>
    </message>
    <message>
        <source>%1: added or changed since Base, in Mine and Theirs. %2: removed or replaced by one side, in Base.</source>
        <translation>%1: wedi&apos;i ychwanegu neu ei newid ers y Sylfaen, yn Fy fersiwn i ac Eu fersiwn nhw. %2: wedi&apos;i dynnu neu ei ddisodli gan un ochr, yn y Sylfaen.</translation>
    </message>
    <message>
        <source>Underlined bold words</source>
        <translation>Geiriau trwm wedi&apos;u tanlinellu</translation>
    </message>
    <message>
        <source>Struck-through words</source>
        <translation>Geiriau wedi&apos;u croesi allan</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>Cadw f&amp;y fersiwn i</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Cadw fy fersiwn i</translation>
    </message>
    <message>
        <source>Use this computer&apos;s version of this place.</source>
        <translation>Defnyddio fersiwn y cyfrifiadur hwn o&apos;r man hwn.</translation>
    </message>
    <message>
        <source>Keep &amp;theirs</source>
        <translation>Cadw e&amp;u fersiwn nhw</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Cadw eu fersiwn nhw</translation>
    </message>
    <message>
        <source>Use the server&apos;s version of this place.</source>
        <translation>Defnyddio fersiwn y gweinydd o&apos;r man hwn.</translation>
    </message>
    <message>
        <source>Keep b&amp;oth</source>
        <translation>Cadw&apos;r dd&amp;au</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Cadw&apos;r ddau</translation>
    </message>
    <message>
        <source>Keep this computer&apos;s text, then the server&apos;s.</source>
        <translation>Cadw testun y cyfrifiadur hwn, yna testun y gweinydd.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <source>Decision for this place</source>
        <translation>Penderfyniad ar gyfer y man hwn</translation>
    </message>
    <message>
        <source>Keep all mi&amp;ne</source>
        <translation>Cadw fy fe&amp;rsiwn i ym mhobman</translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation>Cadw fy fersiwn i ym mhobman</translation>
    </message>
    <message>
        <source>Use this computer&apos;s version in every place.</source>
        <translation>Defnyddio fersiwn y cyfrifiadur hwn ym mhob man.</translation>
    </message>
    <message>
        <source>Keep all th&amp;eirs</source>
        <translation>Cadw eu fersiwn nhw ym mho&amp;bman</translation>
    </message>
    <message>
        <source>Keep all theirs</source>
        <translation>Cadw eu fersiwn nhw ym mhobman</translation>
    </message>
    <message>
        <source>Use the server&apos;s version in every place.</source>
        <translation>Defnyddio fersiwn y gweinydd ym mhob man.</translation>
    </message>
    <message>
        <source>Places decided</source>
        <translation>Mannau wedi&apos;u penderfynu</translation>
    </message>
    <message>
        <source>Problems in the result</source>
        <translation>Problemau yn y canlyniad</translation>
    </message>
    <message>
        <source>This item was deleted on the server after you changed it on this computer. Your version is shown below: keep it, or accept the deletion.</source>
        <translation>Cafodd yr eitem hon ei dileu ar y gweinydd ar ôl i chi ei newid ar y cyfrifiadur hwn. Dangosir eich fersiwn isod: cadwch hi, neu derbyniwch y dileu.</translation>
    </message>
    <message>
        <source>You deleted this item on this computer, but it was changed on the server since. Their version is shown below: keep it, or delete the item anyway.</source>
        <translation>Fe wnaethoch ddileu&apos;r eitem hon ar y cyfrifiadur hwn, ond mae wedi&apos;i newid ar y gweinydd ers hynny. Dangosir eu fersiwn nhw isod: cadwch hi, neu dilëwch yr eitem beth bynnag.</translation>
    </message>
    <message>
        <source>&amp;Your version (this computer)</source>
        <translation>&amp;Eich fersiwn chi (y cyfrifiadur hwn)</translation>
    </message>
    <message>
        <source>&amp;Their version (server)</source>
        <translation>E&amp;u fersiwn nhw (gweinydd)</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Eich fersiwn chi</translation>
    </message>
    <message>
        <source>Their version</source>
        <translation>Eu fersiwn nhw</translation>
    </message>
    <message>
        <source>&amp;Keep my version (restore it on the server)</source>
        <translation>&amp;Cadw fy fersiwn i (ei hadfer ar y gweinydd)</translation>
    </message>
    <message>
        <source>&amp;Keep their version (cancel my deletion)</source>
        <translation>&amp;Cadw eu fersiwn nhw (canslo fy nileu)</translation>
    </message>
    <message>
        <source>&amp;Accept the deletion</source>
        <translation>Der&amp;byn y dileu</translation>
    </message>
    <message>
        <source>&amp;Delete it anyway</source>
        <translation>D&amp;ileu beth bynnag</translation>
    </message>
    <message>
        <source>Removes the item from this computer too; your changes are discarded.</source>
        <translation>Yn tynnu&apos;r eitem o&apos;r cyfrifiadur hwn hefyd; caiff eich newidiadau eu taflu.</translation>
    </message>
    <message>
        <source>Deletes the item on the server too; their changes are discarded.</source>
        <translation>Yn dileu&apos;r eitem ar y gweinydd hefyd; caiff eu newidiadau nhw eu taflu.</translation>
    </message>
    <message numerus="yes">
        <source>This item was changed on this computer and on the server in the same %n place(s). Everything else is already combined. For each place, keep one side or edit the result, then choose Resolve.</source>
        <translation>
            <numerusform>Newidiwyd yr eitem hon ar y cyfrifiadur hwn ac ar y gweinydd yn yr un %n man. Mae popeth arall wedi&apos;i gyfuno eisoes. Ar gyfer pob man, cadwch un ochr neu golygwch y canlyniad, yna dewiswch Datrys.</numerusform>
            <numerusform>Newidiwyd yr eitem hon ar y cyfrifiadur hwn ac ar y gweinydd yn yr un %n man. Mae popeth arall wedi&apos;i gyfuno eisoes. Ar gyfer pob man, cadwch un ochr neu golygwch y canlyniad, yna dewiswch Datrys.</numerusform>
            <numerusform>Newidiwyd yr eitem hon ar y cyfrifiadur hwn ac ar y gweinydd yn yr un %n man. Mae popeth arall wedi&apos;i gyfuno eisoes. Ar gyfer pob man, cadwch un ochr neu golygwch y canlyniad, yna dewiswch Datrys.</numerusform>
            <numerusform>Newidiwyd yr eitem hon ar y cyfrifiadur hwn ac ar y gweinydd yn yr un %n man. Mae popeth arall wedi&apos;i gyfuno eisoes. Ar gyfer pob man, cadwch un ochr neu golygwch y canlyniad, yna dewiswch Datrys.</numerusform>
            <numerusform>Newidiwyd yr eitem hon ar y cyfrifiadur hwn ac ar y gweinydd yn yr un %n man. Mae popeth arall wedi&apos;i gyfuno eisoes. Ar gyfer pob man, cadwch un ochr neu golygwch y canlyniad, yna dewiswch Datrys.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Not decided</source>
        <translation>Heb benderfynu</translation>
    </message>
    <message>
        <source>Mine kept</source>
        <translation>Cadwyd fy fersiwn i</translation>
    </message>
    <message>
        <source>Theirs kept</source>
        <translation>Cadwyd eu fersiwn nhw</translation>
    </message>
    <message>
        <source>Both kept</source>
        <translation>Cadwyd y ddau</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Golygwyd</translation>
    </message>
    <message>
        <source>(Not there before: added since)</source>
        <translation>(Nid oedd yno o&apos;r blaen: ychwanegwyd ers hynny)</translation>
    </message>
    <message>
        <source>(Empty)</source>
        <translation>(Gwag)</translation>
    </message>
    <message>
        <source>(Deleted on this computer)</source>
        <translation>(Dilëwyd ar y cyfrifiadur hwn)</translation>
    </message>
    <message>
        <source>(Deleted on the server)</source>
        <translation>(Dilëwyd ar y gweinydd)</translation>
    </message>
    <message>
        <source>Keep &amp;mine (deleted)</source>
        <translation>Cadw f&amp;y fersiwn i (wedi&apos;i dileu)</translation>
    </message>
    <message>
        <source>Keep &amp;theirs (deleted)</source>
        <translation>Cadw e&amp;u fersiwn nhw (wedi&apos;i dileu)</translation>
    </message>
    <message>
        <source>Res&amp;ult (what is kept; you can edit it)</source>
        <translation>&amp;Canlyniad (yr hyn a gedwir; gallwch ei olygu)</translation>
    </message>
    <message>
        <source>Res&amp;ult (what is kept; choose Keep mine or Keep theirs)</source>
        <translation>&amp;Canlyniad (yr hyn a gedwir; dewiswch Cadw fy fersiwn i neu Cadw eu fersiwn nhw)</translation>
    </message>
    <message>
        <source>(Removed)</source>
        <translation>(Tynnwyd)</translation>
    </message>
    <message>
        <source>Decision: %1</source>
        <translation>Penderfyniad: %1</translation>
    </message>
    <message>
        <source>Decided: %1 of %2</source>
        <translation>Wedi penderfynu: %1 o %2</translation>
    </message>
    <message>
        <source>Decide every place first.</source>
        <translation>Penderfynwch ar bob man yn gyntaf.</translation>
    </message>
    <message>
        <source>The result is not a complete item yet:
%1</source>
        <translation>Nid yw&apos;r canlyniad yn eitem gyflawn eto:
%1</translation>
    </message>
    <message>
        <source>The result passes Carta&apos;s checks.</source>
        <translation>Mae&apos;r canlyniad yn pasio gwiriadau Carta.</translation>
    </message>
    <message>
        <source>Problems in the result (you can still resolve and fix them in the editor; the server accepts the item once they are fixed):</source>
        <translation>Problemau yn y canlyniad (gallwch ddatrys o hyd a&apos;u trwsio yn y golygydd; bydd y gweinydd yn derbyn yr eitem unwaith y byddant wedi&apos;u trwsio):</translation>
    </message>
    <message>
        <source>The result cannot be kept as it is:
%1</source>
        <translation>Ni ellir cadw&apos;r canlyniad fel y mae:
%1</translation>
    </message>
    <message>
        <source>The conflict could not be resolved: %1</source>
        <translation>Nid oedd modd datrys y gwrthdaro: %1</translation>
    </message>
    <message>
        <source>The remaining version cannot be read: %1</source>
        <translation>Ni ellir darllen y fersiwn sy&apos;n weddill: %1</translation>
    </message>
    <message>
        <source>The item is kept for now: it could not be deleted (%1). Choose Resolve to try again.</source>
        <translation>Mae&apos;r eitem yn cael ei chadw am y tro: nid oedd modd ei dileu (%1). Dewiswch Datrys i roi cynnig arall arni.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Teitl</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>Bonyn</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <source>Workflow state</source>
        <translation>Cyflwr llif gwaith</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tagiau</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Amserlen</translation>
    </message>
    <message>
        <source>Search and sharing</source>
        <translation>Chwilio a rhannu</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Atodiadau</translation>
    </message>
    <message>
        <source>Paragraphs</source>
        <translation>Paragraffau</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Fersiwn</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>Yn weithredol o</translation>
    </message>
    <message>
        <source>Effective to</source>
        <translation>Yn weithredol tan</translation>
    </message>
    <message>
        <source>Learning outcomes</source>
        <translation>Deilliannau dysgu</translation>
    </message>
    <message>
        <source>Competencies</source>
        <translation>Cymwyseddau</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Asesiadau</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Cod</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Disgrifiad</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Dull</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Deilliannau</translation>
    </message>
    <message>
        <source>Profession</source>
        <translation>Proffesiwn</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Camau</translation>
    </message>
    <message>
        <source>Career stage</source>
        <translation>Cyfnod gyrfa</translation>
    </message>
    <message>
        <source>Duration (months)</source>
        <translation>Hyd (misoedd)</translation>
    </message>
    <message>
        <source>Entry requirements</source>
        <translation>Gofynion mynediad</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Porth</translation>
    </message>
    <message>
        <source>Recruitment window</source>
        <translation>Cyfnod recriwtio</translation>
    </message>
    <message>
        <source>Next stages</source>
        <translation>Camau nesaf</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Dyddiad cyhoeddi</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Cyhoeddwr</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Funding body</source>
        <translation>Corff cyllido</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Dyddiad cau</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>Cymhwystra</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Cyfeirnod</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Cyfeiriad gwe</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Diben</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Llinell bwnc</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Geirfa</translation>
    </message>
    <message>
        <source>Parent term</source>
        <translation>Rhiant-derm</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Trefn</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Testun</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Lefel</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Arddull</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Dolenni</translation>
    </message>
    <message>
        <source>Linked item</source>
        <translation>Eitem gysylltiedig</translation>
    </message>
    <message>
        <source>Publish at</source>
        <translation>Cyhoeddi am</translation>
    </message>
    <message>
        <source>Unpublish at</source>
        <translation>Dad-gyhoeddi am</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Geiriau allweddol</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>Math o ffeil</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>Maint (beit)</translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation>Stwnsh y cynnwys</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Fersiwn y sgema</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>Paragraff</translation>
    </message>
    <message>
        <source>paragraphs</source>
        <translation>paragraffau</translation>
    </message>
    <message>
        <source>Learning outcome</source>
        <translation>Deilliant dysgu</translation>
    </message>
    <message>
        <source>learning outcomes</source>
        <translation>deilliannau dysgu</translation>
    </message>
    <message>
        <source>Competency</source>
        <translation>Cymhwysedd</translation>
    </message>
    <message>
        <source>competencies</source>
        <translation>cymwyseddau</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Asesiad</translation>
    </message>
    <message>
        <source>assessments</source>
        <translation>asesiadau</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Cam</translation>
    </message>
    <message>
        <source>stages</source>
        <translation>camau</translation>
    </message>
    <message>
        <source>Workplace-based assessment</source>
        <translation>Asesiad yn y gweithle</translation>
    </message>
    <message>
        <source>Examination</source>
        <translation>Arholiad</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Portffolio</translation>
    </message>
    <message>
        <source>ARCP</source>
        <translation>ARCP</translation>
    </message>
    <message>
        <source>DOPS</source>
        <translation>DOPS</translation>
    </message>
    <message>
        <source>Mini-CEX</source>
        <translation>Mini-CEX</translation>
    </message>
    <message>
        <source>Case-based discussion</source>
        <translation>Trafodaeth ar sail achos</translation>
    </message>
    <message>
        <source>Multi-source feedback</source>
        <translation>Adborth aml-ffynhonnell</translation>
    </message>
    <message>
        <source>OSCE</source>
        <translation>OSCE</translation>
    </message>
</context>
<context>
    <name>carta::app::CurriculumEditor</name>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Fersiwn:</translation>
    </message>
    <message>
        <source>Effective &amp;from:</source>
        <translation>Yn weithredol &amp;o:</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Heb ei osod</translation>
    </message>
    <message>
        <source>Effective t&amp;o:</source>
        <translation>Yn weithredol &amp;tan:</translation>
    </message>
    <message>
        <source>No end date</source>
        <translation>Dim dyddiad gorffen</translation>
    </message>
    <message>
        <source>Learning outcomes</source>
        <translation>Deilliannau dysgu</translation>
    </message>
    <message>
        <source>learning outcome</source>
        <translation>deilliant dysgu</translation>
    </message>
    <message>
        <source>Competencies</source>
        <translation>Cymwyseddau</translation>
    </message>
    <message>
        <source>competency</source>
        <translation>cymhwysedd</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Asesiadau</translation>
    </message>
    <message>
        <source>assessment</source>
        <translation>asesiad</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ychwanegu</translation>
    </message>
    <message>
        <source>Add a %1 after the selected row (Insert)</source>
        <translation>Ychwanegu %1 ar ôl y rhes a ddewiswyd (Insert)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Tynnu</translation>
    </message>
    <message>
        <source>Remove the selected %1 (Delete)</source>
        <translation>Tynnu&apos;r %1 a ddewiswyd (Delete)</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>Symud i fyny</translation>
    </message>
    <message>
        <source>Move the selected %1 up (Alt+Up)</source>
        <translation>Symud y %1 a ddewiswyd i fyny (Alt+Up)</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>Symud i lawr</translation>
    </message>
    <message>
        <source>Move the selected %1 down (Alt+Down)</source>
        <translation>Symud y %1 a ddewiswyd i lawr (Alt+Down)</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Ychwanegu %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Tynnu %1</translation>
    </message>
    <message>
        <source>Move %1 Up</source>
        <translation>Symud %1 i fyny</translation>
    </message>
    <message>
        <source>Move %1 Down</source>
        <translation>Symud %1 i lawr</translation>
    </message>
    <message>
        <source>Problems with the %1</source>
        <translation>Problemau gyda&apos;r %1</translation>
    </message>
</context>
<context>
    <name>carta::app::CurriculumTableModel</name>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>Rhes %1, %2: %3</translation>
    </message>
</context>
<context>
    <name>carta::app::DateField</name>
    <message>
        <source>Not set</source>
        <translation>Heb ei osod</translation>
    </message>
</context>
<context>
    <name>carta::app::DiffView</name>
    <message>
        <source>Entry</source>
        <translation>Cofnod</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Teitl</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Cyflwyniad</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Corff</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 “%3”</source>
        <translation>%1 %2 “%3”</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ie</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Na</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2, %3 bytes)</source>
        <translation>%1 (%2, %3 beit)</translation>
    </message>
    <message>
        <source>Removed:</source>
        <translation>Tynnwyd:</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>Cyn:</translation>
    </message>
    <message>
        <source>Added:</source>
        <translation>Ychwanegwyd:</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>Ar ôl:</translation>
    </message>
    <message numerus="yes">
        <source>⋯ %n unchanged line(s)</source>
        <translation>
            <numerusform>⋯ %n llinell heb newid</numerusform>
            <numerusform>⋯ %n llinell heb newid</numerusform>
            <numerusform>⋯ %n llinell heb newid</numerusform>
            <numerusform>⋯ %n llinell heb newid</numerusform>
            <numerusform>⋯ %n llinell heb newid</numerusform>
        </translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>Nawr:</translation>
    </message>
    <message>
        <source>National (no region)</source>
        <translation>Cenedlaethol (dim rhanbarth)</translation>
    </message>
    <message>
        <source>Search description</source>
        <translation>Disgrifiad chwilio</translation>
    </message>
    <message>
        <source>text</source>
        <translation>testun</translation>
    </message>
    <message>
        <source>moved from position %1 to %2</source>
        <translation>wedi symud o safle %1 i %2</translation>
    </message>
    <message>
        <source>Moved:</source>
        <translation>Symudwyd:</translation>
    </message>
    <message>
        <source>from position %1 to position %2</source>
        <translation>o safle %1 i safle %2</translation>
    </message>
    <message>
        <source>Begins:</source>
        <translation>Yn dechrau:</translation>
    </message>
    <message>
        <source>added</source>
        <translation>wedi&apos;i ychwanegu</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>wedi&apos;i dynnu</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>wedi newid</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Newidiadau</translation>
    </message>
    <message>
        <source>New item: everything in %1 is added.</source>
        <translation>Eitem newydd: mae popeth yn %1 wedi&apos;i ychwanegu.</translation>
    </message>
    <message>
        <source>Changes from %1 to %2</source>
        <translation>Newidiadau o %1 i %2</translation>
    </message>
    <message>
        <source>Workflow state: %1 → %2</source>
        <translation>Cyflwr llif gwaith: %1 → %2</translation>
    </message>
    <message>
        <source>The item is empty.</source>
        <translation>Mae&apos;r eitem yn wag.</translation>
    </message>
    <message>
        <source>No differences in the content.</source>
        <translation>Dim gwahaniaethau yn y cynnwys.</translation>
    </message>
    <message>
        <source>Removed text is %1; added text is %2.</source>
        <translation>Mae testun a dynnwyd %1; mae testun a ychwanegwyd %2.</translation>
    </message>
    <message>
        <source>struck through</source>
        <translation>wedi&apos;i groesi allan</translation>
    </message>
    <message>
        <source>underlined</source>
        <translation>wedi&apos;i danlinellu</translation>
    </message>
    <message>
        <source>No differences</source>
        <translation>Dim gwahaniaethau</translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation>Ychwanegwyd: %1</translation>
    </message>
    <message>
        <source>Removed: %1</source>
        <translation>Tynnwyd: %1</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>Bonyn</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <source>Workflow state</source>
        <translation>Cyflwr llif gwaith</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tagiau</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Amserlen</translation>
    </message>
    <message>
        <source>Search and sharing</source>
        <translation>Chwilio a rhannu</translation>
    </message>
    <message>
        <source>Paragraphs</source>
        <translation>Paragraffau</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Atodiadau</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Cod</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Testun</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Lefel</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Arddull</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Dolenni</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Deilliannau</translation>
    </message>
    <message>
        <source>Linked item</source>
        <translation>Eitem gysylltiedig</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Fersiwn</translation>
    </message>
    <message>
        <source>Profession</source>
        <translation>Proffesiwn</translation>
    </message>
    <message>
        <source>Career stage</source>
        <translation>Cyfnod gyrfa</translation>
    </message>
    <message>
        <source>Duration (months)</source>
        <translation>Hyd (misoedd)</translation>
    </message>
    <message>
        <source>Entry requirements</source>
        <translation>Gofynion mynediad</translation>
    </message>
    <message>
        <source>Recruitment window</source>
        <translation>Cyfnod recriwtio</translation>
    </message>
    <message>
        <source>Next stages</source>
        <translation>Camau nesaf</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>Yn weithredol o</translation>
    </message>
    <message>
        <source>Effective to</source>
        <translation>Yn weithredol tan</translation>
    </message>
    <message>
        <source>Learning outcomes</source>
        <translation>Deilliannau dysgu</translation>
    </message>
    <message>
        <source>Competencies</source>
        <translation>Cymwyseddau</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Asesiadau</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Camau</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Dull</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Disgrifiad</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Dyddiad cyhoeddi</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Cyhoeddwr</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>Funding body</source>
        <translation>Corff cyllido</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Dyddiad cau</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>Cymhwystra</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Cyfeirnod</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Cyfeiriad gwe</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Diben</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Llinell bwnc</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Geirfa</translation>
    </message>
    <message>
        <source>Parent term</source>
        <translation>Rhiant-derm</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Trefn</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Porth</translation>
    </message>
    <message>
        <source>Scheduled publication</source>
        <translation>Cyhoeddi wedi&apos;i drefnu</translation>
    </message>
    <message>
        <source>Scheduled withdrawal</source>
        <translation>Tynnu&apos;n ôl wedi&apos;i drefnu</translation>
    </message>
    <message>
        <source>Search keywords</source>
        <translation>Geiriau allweddol chwilio</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>Math o ffeil</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>Maint (beit)</translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation>Stwnsh y cynnwys</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Fersiwn y sgema</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>Paragraff</translation>
    </message>
    <message>
        <source>Learning outcome</source>
        <translation>Deilliant dysgu</translation>
    </message>
    <message>
        <source>Competency</source>
        <translation>Cymhwysedd</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Asesiad</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Cam</translation>
    </message>
    <message>
        <source>Workplace-based assessment</source>
        <translation>Asesiad yn y gweithle</translation>
    </message>
    <message>
        <source>Examination</source>
        <translation>Arholiad</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Portffolio</translation>
    </message>
    <message>
        <source>ARCP</source>
        <translation>ARCP</translation>
    </message>
    <message>
        <source>DOPS</source>
        <translation>DOPS</translation>
    </message>
    <message>
        <source>Mini-CEX</source>
        <translation>Mini-CEX</translation>
    </message>
    <message>
        <source>Case-based discussion</source>
        <translation>Trafodaeth ar sail achos</translation>
    </message>
    <message>
        <source>Multi-source feedback</source>
        <translation>Adborth aml-ffynhonnell</translation>
    </message>
    <message>
        <source>OSCE</source>
        <translation>OSCE</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Gwybodaeth</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Rhybudd</translation>
    </message>
    <message>
        <source>Important</source>
        <translation>Pwysig</translation>
    </message>
    <message>
        <source>Landing page</source>
        <translation>Tudalen lanio</translation>
    </message>
    <message>
        <source>Regional hub</source>
        <translation>Hwb rhanbarthol</translation>
    </message>
    <message>
        <source>Profession landing page</source>
        <translation>Tudalen lanio proffesiwn</translation>
    </message>
    <message>
        <source>Home page</source>
        <translation>Hafan</translation>
    </message>
    <message>
        <source>News</source>
        <translation>Newyddion</translation>
    </message>
    <message>
        <source>Training office update</source>
        <translation>Diweddariad y swyddfa hyfforddi</translation>
    </message>
</context>
<context>
    <name>carta::app::FacetModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1, %Ln item(s)</source>
        <translation>
            <numerusform>%1, %Ln eitem</numerusform>
            <numerusform>%1, %Ln eitem</numerusform>
            <numerusform>%1, %Ln eitem</numerusform>
            <numerusform>%1, %Ln eitem</numerusform>
            <numerusform>%1, %Ln eitem</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>carta::app::HistoryDialog</name>
    <message>
        <source>History of “%1”</source>
        <translation>Hanes “%1”</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Heb deitl</translation>
    </message>
    <message>
        <source>History status</source>
        <translation>Statws yr hanes</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Ceisio eto</translation>
    </message>
    <message>
        <source>Retry loading the history</source>
        <translation>Ceisio llwytho&apos;r hanes eto</translation>
    </message>
    <message>
        <source>Revision&amp;s (select one to see what it changed, or two to compare them)</source>
        <translation>&amp;Fersiynau (dewiswch un i weld beth a newidiodd, neu ddwy i&apos;w cymharu)</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Fersiynau</translation>
    </message>
    <message>
        <source>Every change of the item, newest first: when, who, what and the comment.</source>
        <translation>Pob newid i&apos;r eitem, y diweddaraf yn gyntaf: pryd, pwy, beth a&apos;r sylw.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Pwy</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Gweithred</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Sylw</translation>
    </message>
    <message>
        <source>Changes in the selected revision</source>
        <translation>Newidiadau yn y fersiwn a ddewiswyd</translation>
    </message>
    <message>
        <source>Co&amp;mment for the revert (optional):</source>
        <translation>&amp;Sylw wrth ddychwelyd (dewisol):</translation>
    </message>
    <message>
        <source>Comment for the revert</source>
        <translation>Sylw wrth ddychwelyd</translation>
    </message>
    <message>
        <source>Why the earlier revision comes back</source>
        <translation>Pam mae&apos;r fersiwn gynharach yn dod yn ôl</translation>
    </message>
    <message>
        <source>Re&amp;vert to this revision</source>
        <translation>&amp;Dychwelyd i&apos;r fersiwn hon</translation>
    </message>
    <message>
        <source>Revert to the selected revision</source>
        <translation>Dychwelyd i&apos;r fersiwn a ddewiswyd</translation>
    </message>
    <message>
        <source>Makes a new draft from the selected revision; nothing is published.</source>
        <translation>Yn creu drafft newydd o&apos;r fersiwn a ddewiswyd; ni chyhoeddir dim.</translation>
    </message>
    <message>
        <source>About reverting</source>
        <translation>Ynghylch dychwelyd</translation>
    </message>
    <message>
        <source>Result of the revert</source>
        <translation>Canlyniad y dychwelyd</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Yn llwytho…</translation>
    </message>
    <message>
        <source>Cannot reach the server to load the history. %1</source>
        <translation>Methu cyrraedd y gweinydd i lwytho&apos;r hanes. %1</translation>
    </message>
    <message>
        <source>The server did not give the history: %1</source>
        <translation>Ni roddodd y gweinydd yr hanes: %1</translation>
    </message>
    <message>
        <source>The server has no history for this item.</source>
        <translation>Nid oes gan y gweinydd hanes ar gyfer yr eitem hon.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s), newest first.</source>
        <translation>
            <numerusform>%n newid, y diweddaraf yn gyntaf.</numerusform>
            <numerusform>%n newid, y diweddaraf yn gyntaf.</numerusform>
            <numerusform>%n newid, y diweddaraf yn gyntaf.</numerusform>
            <numerusform>%n newid, y diweddaraf yn gyntaf.</numerusform>
            <numerusform>%n newid, y diweddaraf yn gyntaf.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Dilëwyd</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Crëwyd</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Golygwyd</translation>
    </message>
    <message>
        <source>Submitted for review</source>
        <translation>Cyflwynwyd i&apos;w hadolygu</translation>
    </message>
    <message>
        <source>Requested changes</source>
        <translation>Gofynnwyd am newidiadau</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Cymeradwywyd</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Cyhoeddwyd</translation>
    </message>
    <message>
        <source>Published (scheduled for %1)</source>
        <translation>Cyhoeddwyd (wedi&apos;i drefnu ar gyfer %1)</translation>
    </message>
    <message>
        <source>Scheduled publication</source>
        <translation>Cyhoeddi wedi&apos;i drefnu</translation>
    </message>
    <message>
        <source>Scheduled withdrawal</source>
        <translation>Tynnu&apos;n ôl wedi&apos;i drefnu</translation>
    </message>
    <message>
        <source>Unpublished</source>
        <translation>Dad-gyhoeddwyd</translation>
    </message>
    <message>
        <source>Unpublished (scheduled for %1)</source>
        <translation>Dad-gyhoeddwyd (wedi&apos;i drefnu ar gyfer %1)</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archifwyd</translation>
    </message>
    <message>
        <source>Reverted to an earlier revision</source>
        <translation>Dychwelwyd i fersiwn gynharach</translation>
    </message>
    <message>
        <source>%1 (%2 by %3)</source>
        <translation>%1 (%2 gan %3)</translation>
    </message>
    <message>
        <source>Select a revision to see what it changed, or two to compare them.</source>
        <translation>Dewiswch fersiwn i weld beth a newidiodd, neu ddwy i&apos;w cymharu.</translation>
    </message>
    <message>
        <source>Select one revision, or two to compare them.</source>
        <translation>Dewiswch un fersiwn, neu ddwy i&apos;w cymharu.</translation>
    </message>
    <message>
        <source>This change deleted the item: there is no revision to show.</source>
        <translation>Dileodd y newid hwn yr eitem: nid oes fersiwn i&apos;w dangos.</translation>
    </message>
    <message>
        <source>One of the selected changes deleted the item: there is nothing to compare.</source>
        <translation>Dileodd un o&apos;r newidiadau a ddewiswyd yr eitem: nid oes dim i&apos;w gymharu.</translation>
    </message>
    <message>
        <source>Cannot load this revision. %1</source>
        <translation>Methu llwytho&apos;r fersiwn hon. %1</translation>
    </message>
    <message>
        <source>You cannot revert this item: %1.</source>
        <translation>Ni allwch ddychwelyd yr eitem hon: %1.</translation>
    </message>
    <message>
        <source>Reverting…</source>
        <translation>Yn dychwelyd…</translation>
    </message>
    <message>
        <source>The history is loading.</source>
        <translation>Mae&apos;r hanes yn llwytho.</translation>
    </message>
    <message>
        <source>There is no history to revert to.</source>
        <translation>Nid oes hanes i ddychwelyd iddo.</translation>
    </message>
    <message>
        <source>Select one earlier revision to revert to.</source>
        <translation>Dewiswch un fersiwn gynharach i ddychwelyd iddi.</translation>
    </message>
    <message>
        <source>This change deleted the item: there is no revision to restore.</source>
        <translation>Dileodd y newid hwn yr eitem: nid oes fersiwn i&apos;w hadfer.</translation>
    </message>
    <message>
        <source>This is the current revision: select an earlier one to revert to.</source>
        <translation>Dyma&apos;r fersiwn gyfredol: dewiswch un gynharach i ddychwelyd iddi.</translation>
    </message>
    <message>
        <source>Makes a new draft with the content of %1; nothing is published until it is reviewed.</source>
        <translation>Yn creu drafft newydd gyda chynnwys fersiwn %1; ni chyhoeddir dim nes iddo gael ei adolygu.</translation>
    </message>
    <message>
        <source>Someone changed the item after this history was loaded, so nothing was reverted (the server said: %1). The history has been loaded again: check the revision and try again.</source>
        <translation>Newidiodd rhywun yr eitem ar ôl i&apos;r hanes hwn gael ei lwytho, felly ni ddychwelwyd dim (dywedodd y gweinydd: %1). Mae&apos;r hanes wedi&apos;i lwytho eto: gwiriwch y fersiwn a rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>Cannot reach the server; nothing was reverted. %1</source>
        <translation>Methu cyrraedd y gweinydd; ni ddychwelwyd dim. %1</translation>
    </message>
    <message>
        <source>The server refused to revert: %1</source>
        <translation>Gwrthododd y gweinydd ddychwelyd: %1</translation>
    </message>
    <message>
        <source>Reverted: a new draft was made from the revision of %1. Nothing was published.</source>
        <translation>Dychwelwyd: crëwyd drafft newydd o fersiwn %1. Ni chyhoeddwyd dim.</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Mewnforiwyd</translation>
    </message>
</context>
<context>
    <name>carta::app::ItemEditor</name>
    <message>
        <source>UK time, %1 (UTC%2)</source>
        <translation>Amser y DU, %1 (UTC%2)</translation>
    </message>
    <message>
        <source>New item: saved on this computer once you change it.</source>
        <translation>Eitem newydd: caiff ei chadw ar y cyfrifiadur hwn unwaith y byddwch yn ei newid.</translation>
    </message>
    <message>
        <source>Saved on this computer.</source>
        <translation>Wedi&apos;i chadw ar y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <source>Notice about this item</source>
        <translation>Hysbysiad am yr eitem hon</translation>
    </message>
    <message>
        <source>Other problems to fix before review</source>
        <translation>Problemau eraill i&apos;w trwsio cyn adolygu</translation>
    </message>
    <message>
        <source>Choose a problem to go to the place it names</source>
        <translation>Dewiswch broblem i fynd i&apos;r man y mae&apos;n ei enwi</translation>
    </message>
    <message>
        <source>Sections of the item</source>
        <translation>Adrannau&apos;r eitem</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Eitem</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Manylion</translation>
    </message>
    <message>
        <source>Paragraphs</source>
        <translation>Paragraffau</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Atodiadau</translation>
    </message>
    <message>
        <source>Save state</source>
        <translation>Cyflwr cadw</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Teitl</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>Bonyn</translation>
    </message>
    <message>
        <source>words-joined-by-hyphens</source>
        <translation>geiriau-gyda-chysylltnodau</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Workflow state</source>
        <translation>Cyflwr llif gwaith</translation>
    </message>
    <message>
        <source>The state changes on the server: Edit ▸ Submit for Review sends the item to a reviewer; reviewers and publishers act in View ▸ Moderation Queue.</source>
        <translation>Mae&apos;r cyflwr yn newid ar y gweinydd: mae Golygu ▸ Cyflwyno i&apos;w adolygu yn anfon yr eitem at adolygydd; mae adolygwyr a chyhoeddwyr yn gweithredu yn Gweld ▸ Ciw cymedroli.</translation>
    </message>
    <message>
        <source>Problems with %1</source>
        <translation>Problemau gyda %1</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Teitl:</translation>
    </message>
    <message>
        <source>S&amp;lug:</source>
        <translation>&amp;Bonyn:</translation>
    </message>
    <message>
        <source>Su&amp;mmary:</source>
        <translation>C&amp;rynodeb:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Math:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Cyflwr:</translation>
    </message>
    <message>
        <source>Taxonomy</source>
        <translation>Tacsonomeg</translation>
    </message>
    <message>
        <source>National (all regions)</source>
        <translation>Cenedlaethol (pob rhanbarth)</translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>form label</comment>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Schedule (UK time)</source>
        <translation>Amserlen (amser y DU)</translation>
    </message>
    <message>
        <source>&amp;Unpublish at a set time</source>
        <translation>Dad-gy&amp;hoeddi ar amser penodol</translation>
    </message>
    <message>
        <source>&amp;Publish at a set time</source>
        <translation>C&amp;yhoeddi ar amser penodol</translation>
    </message>
    <message>
        <source>Unpublish at a set time</source>
        <translation>Dad-gyhoeddi ar amser penodol</translation>
    </message>
    <message>
        <source>Publish at a set time</source>
        <translation>Cyhoeddi ar amser penodol</translation>
    </message>
    <message>
        <source>Unpublish at (UK time)</source>
        <translation>Dad-gyhoeddi am (amser y DU)</translation>
    </message>
    <message>
        <source>Publish at (UK time)</source>
        <translation>Cyhoeddi am (amser y DU)</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>Heb ei drefnu</translation>
    </message>
    <message>
        <source>Unpublish:</source>
        <translation>Dad-gyhoeddi:</translation>
    </message>
    <message>
        <source>Publish:</source>
        <translation>Cyhoeddi:</translation>
    </message>
    <message>
        <source>Unpublish time</source>
        <translation>Amser dad-gyhoeddi</translation>
    </message>
    <message>
        <source>Publish time</source>
        <translation>Amser cyhoeddi</translation>
    </message>
    <message>
        <source>Change Unpublish Time</source>
        <translation>Newid yr amser dad-gyhoeddi</translation>
    </message>
    <message>
        <source>Change Publish Time</source>
        <translation>Newid yr amser cyhoeddi</translation>
    </message>
    <message>
        <source>Times are UK time (Europe/London): GMT in winter, BST in summer. The server publishes and unpublishes on time once the item is approved.</source>
        <translation>Amser y DU (Europe/London) yw&apos;r amseroedd: GMT yn y gaeaf, BST yn yr haf. Mae&apos;r gweinydd yn cyhoeddi ac yn dad-gyhoeddi ar amser unwaith y bydd yr eitem wedi&apos;i chymeradwyo.</translation>
    </message>
    <message>
        <source>Search engines and sharing</source>
        <translation>Peiriannau chwilio a rhannu</translation>
    </message>
    <message>
        <source>Meta description</source>
        <translation>Disgrifiad meta</translation>
    </message>
    <message>
        <source>One or two sentences shown under the title in search results</source>
        <translation>Un neu ddwy frawddeg a ddangosir o dan y teitl mewn canlyniadau chwilio</translation>
    </message>
    <message>
        <source>Meta description length</source>
        <translation>Hyd y disgrifiad meta</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Disgrifiad:</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Geiriau allweddol</translation>
    </message>
    <message>
        <source>separated by commas, for example: foundation, training</source>
        <translation>wedi&apos;u gwahanu gan gomas, er enghraifft: sylfaen, hyfforddiant</translation>
    </message>
    <message>
        <source>&amp;Keywords:</source>
        <translation>&amp;Geiriau allweddol:</translation>
    </message>
    <message>
        <source>Edit Meta Description</source>
        <translation>Golygu&apos;r disgrifiad meta</translation>
    </message>
    <message>
        <source>Edit Keywords</source>
        <translation>Golygu&apos;r geiriau allweddol</translation>
    </message>
    <message>
        <source>Drag a paragraph to move it, or press Alt+Up or Alt+Down.</source>
        <translation>Llusgwch baragraff i&apos;w symud, neu pwyswch Alt+Up neu Alt+Down.</translation>
    </message>
    <message>
        <source>&amp;Paragraphs (drag to reorder, or Alt+Up and Alt+Down):</source>
        <translation>&amp;Paragraffau (llusgwch i aildrefnu, neu Alt+Up ac Alt+Down):</translation>
    </message>
    <message>
        <source>&amp;Add Text</source>
        <translation>Ychwanegu te&amp;stun</translation>
    </message>
    <message>
        <source>Add a text paragraph after the selected one</source>
        <translation>Ychwanegu paragraff testun ar ôl yr un a ddewiswyd</translation>
    </message>
    <message>
        <source>Add &amp;Other</source>
        <translation>Ychwanegu &amp;arall</translation>
    </message>
    <message>
        <source>Add a paragraph of another kind after the selected one</source>
        <translation>Ychwanegu paragraff o fath arall ar ôl yr un a ddewiswyd</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>&amp;Testun</translation>
    </message>
    <message>
        <source>&amp;Heading</source>
        <translation>&amp;Pennawd</translation>
    </message>
    <message>
        <source>&amp;Callout</source>
        <translation>&amp;Blwch amlygu</translation>
    </message>
    <message>
        <source>&amp;Link list</source>
        <translation>&amp;Rhestr dolenni</translation>
    </message>
    <message>
        <source>Learning &amp;outcomes</source>
        <translation>&amp;Deilliannau dysgu</translation>
    </message>
    <message>
        <source>&amp;Policy reference</source>
        <translation>Cyfeiriad at b&amp;olisi</translation>
    </message>
    <message>
        <source>&amp;Resource reference</source>
        <translation>Cyfeiriad at &amp;adnodd</translation>
    </message>
    <message>
        <source>P&amp;athway reference</source>
        <translation>Cyfeiriad at &amp;lwybr</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ty&amp;nnu</translation>
    </message>
    <message>
        <source>Remove the selected paragraph</source>
        <translation>Tynnu&apos;r paragraff a ddewiswyd</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Symud i &amp;fyny</translation>
    </message>
    <message>
        <source>Move the selected paragraph up (Alt+Up)</source>
        <translation>Symud y paragraff a ddewiswyd i fyny (Alt+Up)</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>Symud i &amp;lawr</translation>
    </message>
    <message>
        <source>Move the selected paragraph down (Alt+Down)</source>
        <translation>Symud y paragraff a ddewiswyd i lawr (Alt+Down)</translation>
    </message>
    <message>
        <source>Move Paragraph Up</source>
        <translation>Symud paragraff i fyny</translation>
    </message>
    <message>
        <source>Move Paragraph Down</source>
        <translation>Symud paragraff i lawr</translation>
    </message>
    <message>
        <source>Schedule Unpublishing</source>
        <translation>Trefnu dad-gyhoeddi</translation>
    </message>
    <message>
        <source>Schedule Publishing</source>
        <translation>Trefnu cyhoeddi</translation>
    </message>
    <message>
        <source>Clear Unpublish Time</source>
        <translation>Clirio&apos;r amser dad-gyhoeddi</translation>
    </message>
    <message>
        <source>Clear Publish Time</source>
        <translation>Clirio&apos;r amser cyhoeddi</translation>
    </message>
    <message>
        <source>%1 of %2 characters: %3 too many</source>
        <translation>%1 o %2 nod: %3 yn ormod</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 o %2 nod</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Yn cadw…</translation>
    </message>
    <message>
        <source>(untitled %1)</source>
        <translation>(%1 heb deitl)</translation>
    </message>
    <message>
        <source>Could not save: %1. Your changes are still here; Carta tries again after your next change.</source>
        <translation>Methu cadw: %1. Mae eich newidiadau yma o hyd; bydd Carta yn rhoi cynnig arall arni ar ôl eich newid nesaf.</translation>
    </message>
    <message>
        <source>Could not save “%1”: %2</source>
        <translation>Methu cadw “%1”: %2</translation>
    </message>
    <message>
        <source>“%1” was also changed by a sync while you edited it; where both changed the same text, your version is kept.</source>
        <translation>Cafodd “%1” ei newid hefyd gan gysoni tra oeddech yn ei golygu; lle newidiodd y ddau yr un testun, cedwir eich fersiwn chi.</translation>
    </message>
    <message>
        <source>Merge Changes From the Server</source>
        <translation>Cyfuno newidiadau o&apos;r gweinydd</translation>
    </message>
    <message>
        <source>Saved on this computer at %1.</source>
        <translation>Wedi&apos;i chadw ar y cyfrifiadur hwn am %1.</translation>
    </message>
    <message>
        <source>This item was deleted on the server. If you change it, it is created again with your version when you next sync.</source>
        <translation>Cafodd yr eitem hon ei dileu ar y gweinydd. Os byddwch yn ei newid, caiff ei chreu eto gyda&apos;ch fersiwn chi pan fyddwch yn cysoni nesaf.</translation>
    </message>
    <message>
        <source>Changes From the Server</source>
        <translation>Newidiadau o&apos;r gweinydd</translation>
    </message>
    <message>
        <source>Updated with changes from the server.</source>
        <translation>Diweddarwyd gyda newidiadau o&apos;r gweinydd.</translation>
    </message>
    <message>
        <source>This item conflicts with a change on the server. Your version is shown and kept; resolving conflicts in the app is not available yet (use “carta-cli resolve”).</source>
        <translation>Mae&apos;r eitem hon yn gwrthdaro â newid ar y gweinydd. Dangosir a chedwir eich fersiwn chi; nid yw datrys gwrthdaro yn yr ap ar gael eto (defnyddiwch “carta-cli resolve”).</translation>
    </message>
    <message>
        <source>This item is deleted on this computer; the deletion is sent with the next sync.</source>
        <translation>Mae&apos;r eitem hon wedi&apos;i dileu ar y cyfrifiadur hwn; anfonir y dileu gyda&apos;r cysoni nesaf.</translation>
    </message>
    <message>
        <source>The server refused the last version of this item:
%1</source>
        <translation>Gwrthododd y gweinydd fersiwn olaf yr eitem hon:
%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n to fix)</source>
        <translation>
            <numerusform>%1 (%n i&apos;w trwsio)</numerusform>
            <numerusform>%1 (%n i&apos;w drwsio)</numerusform>
            <numerusform>%1 (%n i&apos;w trwsio)</numerusform>
            <numerusform>%1 (%n i&apos;w trwsio)</numerusform>
            <numerusform>%1 (%n i&apos;w trwsio)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix in %1</source>
        <translation>
            <numerusform>%n problem i&apos;w trwsio yn %1</numerusform>
            <numerusform>%n problem i&apos;w thrwsio yn %1</numerusform>
            <numerusform>%n problem i&apos;w trwsio yn %1</numerusform>
            <numerusform>%n problem i&apos;w trwsio yn %1</numerusform>
            <numerusform>%n problem i&apos;w trwsio yn %1</numerusform>
        </translation>
    </message>
    <message>
        <source>To fix before review, elsewhere in this item (a draft is saved anyway); choose one to go to it:</source>
        <translation>I&apos;w trwsio cyn adolygu, mewn man arall yn yr eitem hon (caiff drafft ei gadw beth bynnag); dewiswch un i fynd ato:</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>Mynd i %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>carta::app::ItemListModel</name>
    <message>
        <source>(untitled)</source>
        <translation>(heb deitl)</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Gwrthdaro</translation>
    </message>
    <message>
        <source>Deleted, not sent</source>
        <translation>Wedi&apos;i dileu, heb ei hanfon</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Heb ei hanfon</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Teitl</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Cyflwr</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Newidiadau</translation>
    </message>
</context>
<context>
    <name>carta::app::JourneyScene</name>
    <message>
        <source>One month shorter (or press -)</source>
        <translation>Mis yn fyrrach (neu pwyswch -)</translation>
    </message>
    <message>
        <source>One month longer (or press +)</source>
        <translation>Mis yn hirach (neu pwyswch +)</translation>
    </message>
    <message>
        <source>No career stage chosen</source>
        <translation>Dim cyfnod gyrfa wedi&apos;i ddewis</translation>
    </message>
    <message>
        <source>No portal chosen</source>
        <translation>Dim porth wedi&apos;i ddewis</translation>
    </message>
    <message>
        <source>Portal: %1</source>
        <translation>Porth: %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>To fix:</source>
        <translation>I&apos;w trwsio:</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 flwyddyn</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 blynedd</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 mis</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 mis</translation>
    </message>
    <message>
        <source>%1 years 1 month</source>
        <translation>%1 blynedd 1 mis</translation>
    </message>
    <message>
        <source>%1 years %2 months</source>
        <translation>%1 blynedd %2 mis</translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation>Blwyddyn %1</translation>
    </message>
    <message>
        <source>Years %1–%2</source>
        <translation>Blynyddoedd %1–%2</translation>
    </message>
    <message>
        <source>This pathway has no stages yet. Add the first stage to start the journey.</source>
        <translation>Nid oes gan y llwybr hwn gamau eto. Ychwanegwch y cam cyntaf i ddechrau&apos;r daith.</translation>
    </message>
    <message>
        <source>%1 in all</source>
        <translation>%1 i gyd</translation>
    </message>
</context>
<context>
    <name>carta::app::LearningOutcomeTableModel</name>
    <message>
        <source>Code</source>
        <translation>Cod</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Teitl</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Disgrifiad</translation>
    </message>
    <message>
        <source>Add Learning Outcome</source>
        <translation>Ychwanegu deilliant dysgu</translation>
    </message>
    <message>
        <source>Remove Learning Outcome</source>
        <translation>Tynnu deilliant dysgu</translation>
    </message>
    <message>
        <source>Move Learning Outcome</source>
        <translation>Symud deilliant dysgu</translation>
    </message>
    <message>
        <source>Edit Learning Outcome %1</source>
        <translation>Golygu deilliant dysgu %1</translation>
    </message>
</context>
<context>
    <name>carta::app::MainWindow</name>
    <message>
        <source>Never synced</source>
        <translation>Heb gysoni erioed</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Cysoni diwethaf: %1</translation>
    </message>
    <message>
        <source>Carta — %1</source>
        <translation>Carta — %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln eitem</numerusform>
            <numerusform>%Ln eitem</numerusform>
            <numerusform>%Ln eitem</numerusform>
            <numerusform>%Ln eitem</numerusform>
            <numerusform>%Ln eitem</numerusform>
        </translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Methodd y chwilio: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Ffeil</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Newydd</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Cadw</translation>
    </message>
    <message>
        <source>Save now (Carta also saves a second after every change)</source>
        <translation>Cadw nawr (mae Carta hefyd yn cadw eiliad ar ôl pob newid)</translation>
    </message>
    <message>
        <source>Saved “%1” on this computer.</source>
        <translation>Cadwyd “%1” ar y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>C&amp;ysoni</translation>
    </message>
    <message>
        <source>Sign &amp;In…</source>
        <translation>&amp;Mewngofnodi…</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>Cau&apos;r &amp;tab</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Gadael</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Golygu</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Dadwneud</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ail-wneud</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Canfod…</translation>
    </message>
    <message>
        <source>Resolve &amp;Conflict…</source>
        <translation>Datrys &amp;gwrthdaro…</translation>
    </message>
    <message>
        <source>Compare this computer&apos;s version of the item with the server&apos;s and decide</source>
        <translation>Cymharu fersiwn y cyfrifiadur hwn o&apos;r eitem â fersiwn y gweinydd a phenderfynu</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>G&amp;weld</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Rhagolwg</translation>
    </message>
    <message>
        <source>Show the open item as the public website will show it</source>
        <translation>Dangos yr eitem agored fel y bydd y wefan gyhoeddus yn ei dangos</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Iaith</translation>
    </message>
    <message>
        <source>As the System</source>
        <translation>Fel y system</translation>
    </message>
    <message>
        <source>Carta will use %1 the next time it starts.</source>
        <translation>Bydd Carta yn defnyddio %1 y tro nesaf y bydd yn dechrau.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Cymorth</translation>
    </message>
    <message>
        <source>&amp;About Carta</source>
        <translation>&amp;Ynghylch Carta</translation>
    </message>
    <message>
        <source>About Carta</source>
        <translation>Ynghylch Carta</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Carta&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;The editorial workstation for national health-education content. Your work is saved on this computer as you type and sent to the server when you sync.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Carta&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Y weithfan olygyddol ar gyfer cynnwys addysg iechyd cenedlaethol. Caiff eich gwaith ei gadw ar y cyfrifiadur hwn wrth i chi deipio, a&apos;i anfon i&apos;r gweinydd pan fyddwch yn cysoni.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Prif far offer</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Llywio</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Hidlyddion</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Clirio</translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation>Clirio pob hidlydd</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Chwilio</translation>
    </message>
    <message>
        <source>Search titles, summaries and text (Ctrl+F)</source>
        <translation>Chwilio teitlau, crynodebau a thestun (Ctrl+F)</translation>
    </message>
    <message>
        <source>Number of items found</source>
        <translation>Nifer yr eitemau a ganfuwyd</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Eitemau</translation>
    </message>
    <message>
        <source>Open an item from the list (Enter or double-click), or create one with File ▸ New.</source>
        <translation>Agorwch eitem o&apos;r rhestr (Enter neu glicio ddwywaith), neu crëwch un gyda Ffeil ▸ Newydd.</translation>
    </message>
    <message>
        <source>Open items</source>
        <translation>Eitemau agored</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Rhagolwg</translation>
    </message>
    <message>
        <source>Preview of the open item</source>
        <translation>Rhagolwg o&apos;r eitem agored</translation>
    </message>
    <message>
        <source>Token not in a keychain</source>
        <translation>Nid yw&apos;r tocyn mewn cadwyn allweddi</translation>
    </message>
    <message>
        <source>Keychain warning</source>
        <translation>Rhybudd cadwyn allweddi</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Cysylltiad</translation>
    </message>
    <message>
        <source>Changes not yet sent</source>
        <translation>Newidiadau heb eu hanfon eto</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Cysoni diwethaf</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Cynnydd cysoni</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Cysoni</translation>
    </message>
    <message>
        <source>Sync with the server</source>
        <translation>Cysoni â&apos;r gweinydd</translation>
    </message>
    <message>
        <source>Send your changes and receive everyone else&apos;s (Ctrl+Shift+S)</source>
        <translation>Anfon eich newidiadau a derbyn rhai pawb arall (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Replica unreadable</source>
        <translation>Methu darllen y copi lleol</translation>
    </message>
    <message>
        <source>All changes sent</source>
        <translation>Anfonwyd pob newid</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) not sent</source>
        <translation>
            <numerusform>%Ln newid heb eu hanfon</numerusform>
            <numerusform>%Ln newid heb ei anfon</numerusform>
            <numerusform>%Ln newid heb eu hanfon</numerusform>
            <numerusform>%Ln newid heb eu hanfon</numerusform>
            <numerusform>%Ln newid heb eu hanfon</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict(s)</source>
        <translation>
            <numerusform>%Ln gwrthdaro</numerusform>
            <numerusform>%Ln gwrthdaro</numerusform>
            <numerusform>%Ln gwrthdaro</numerusform>
            <numerusform>%Ln gwrthdaro</numerusform>
            <numerusform>%Ln gwrthdaro</numerusform>
        </translation>
    </message>
    <message>
        <source>Your changes are saved on this computer; syncing sends them to the server.</source>
        <translation>Mae eich newidiadau wedi&apos;u cadw ar y cyfrifiadur hwn; mae cysoni&apos;n eu hanfon i&apos;r gweinydd.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>All-lein</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Heb fewngofnodi</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Yn cysylltu…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Ar-lein</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Mewngofnodwch eto</translation>
    </message>
    <message>
        <source>That item is no longer in the replica.</source>
        <translation>Nid yw&apos;r eitem honno yn y copi lleol mwyach.</translation>
    </message>
    <message>
        <source>Could not open the item: %1</source>
        <translation>Methu agor yr eitem: %1</translation>
    </message>
    <message>
        <source>“%1” is in conflict with the server&apos;s version: Edit ▸ Resolve Conflict… (%2) shows both.</source>
        <translation>Mae “%1” yn gwrthdaro â fersiwn y gweinydd: mae Golygu ▸ Datrys gwrthdaro… (%2) yn dangos y ddwy.</translation>
    </message>
    <message>
        <source>“%1” stays open because it could not be saved.</source>
        <translation>Mae “%1” yn aros ar agor gan nad oedd modd ei chadw.</translation>
    </message>
    <message>
        <source>Could not read the conflicts: %1</source>
        <translation>Methu darllen y gwrthdrawiadau: %1</translation>
    </message>
    <message>
        <source>That item has no conflict to resolve.</source>
        <translation>Nid oes gan yr eitem honno wrthdaro i&apos;w ddatrys.</translation>
    </message>
    <message>
        <source>Conflict resolved: your decision is sent with the next sync.</source>
        <translation>Datryswyd y gwrthdaro: anfonir eich penderfyniad gyda&apos;r cysoni nesaf.</translation>
    </message>
    <message>
        <source>Changes Not Saved</source>
        <translation>Newidiadau heb eu cadw</translation>
    </message>
    <message>
        <source>These items could not be saved on this computer:
%1

Close anyway and lose those changes?</source>
        <translation>Nid oedd modd cadw&apos;r eitemau hyn ar y cyfrifiadur hwn:
%1

Cau beth bynnag a cholli&apos;r newidiadau hynny?</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Wedi mewngofnodi fel %1.</translation>
    </message>
    <message>
        <source>This replica is not connected to a server yet: sign in first.</source>
        <translation>Nid yw&apos;r copi lleol hwn wedi&apos;i gysylltu â gweinydd eto: mewngofnodwch yn gyntaf.</translation>
    </message>
    <message>
        <source>Carta needs your token to sync: sign in again.</source>
        <translation>Mae Carta angen eich tocyn i gysoni: mewngofnodwch eto.</translation>
    </message>
    <message>
        <source>Sending %v of %m</source>
        <translation>Yn anfon %v o %m</translation>
    </message>
    <message>
        <source>Receiving %v of %m</source>
        <translation>Yn derbyn %v o %m</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Yn cysoni…</translation>
    </message>
    <message>
        <source>Cancel Sync</source>
        <translation>Canslo&apos;r cysoni</translation>
    </message>
    <message>
        <source>Cancel the sync</source>
        <translation>Canslo&apos;r cysoni</translation>
    </message>
    <message>
        <source>Syncing with %1…</source>
        <translation>Yn cysoni â %1…</translation>
    </message>
    <message numerus="yes">
        <source>Synced: sent %Ln change(s)</source>
        <translation>
            <numerusform>Wedi cysoni: anfonwyd %Ln newid</numerusform>
            <numerusform>Wedi cysoni: anfonwyd %Ln newid</numerusform>
            <numerusform>Wedi cysoni: anfonwyd %Ln newid</numerusform>
            <numerusform>Wedi cysoni: anfonwyd %Ln newid</numerusform>
            <numerusform>Wedi cysoni: anfonwyd %Ln newid</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>received %Ln.</source>
        <translation>
            <numerusform>derbyniwyd %Ln.</numerusform>
            <numerusform>derbyniwyd %Ln.</numerusform>
            <numerusform>derbyniwyd %Ln.</numerusform>
            <numerusform>derbyniwyd %Ln.</numerusform>
            <numerusform>derbyniwyd %Ln.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server refused %Ln change(s); see My drafts.</source>
        <translation>
            <numerusform>Gwrthododd y gweinydd %Ln newid; gweler Fy nrafftiau.</numerusform>
            <numerusform>Gwrthododd y gweinydd %Ln newid; gweler Fy nrafftiau.</numerusform>
            <numerusform>Gwrthododd y gweinydd %Ln newid; gweler Fy nrafftiau.</numerusform>
            <numerusform>Gwrthododd y gweinydd %Ln newid; gweler Fy nrafftiau.</numerusform>
            <numerusform>Gwrthododd y gweinydd %Ln newid; gweler Fy nrafftiau.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) in conflict: see Conflicts.</source>
        <translation>
            <numerusform>%Ln eitem yn gwrthdaro: gweler Gwrthdrawiadau.</numerusform>
            <numerusform>%Ln eitem yn gwrthdaro: gweler Gwrthdrawiadau.</numerusform>
            <numerusform>%Ln eitem yn gwrthdaro: gweler Gwrthdrawiadau.</numerusform>
            <numerusform>%Ln eitem yn gwrthdaro: gweler Gwrthdrawiadau.</numerusform>
            <numerusform>%Ln eitem yn gwrthdaro: gweler Gwrthdrawiadau.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” was not accepted: %2.</source>
        <translation>Ni dderbyniwyd “%1”: %2.</translation>
    </message>
    <message>
        <source>Sync did not finish: %1</source>
        <translation>Ni orffennodd y cysoni: %1</translation>
    </message>
    <message>
        <source>&amp;Submit for Review…</source>
        <translation>C&amp;yflwyno i&apos;w adolygu…</translation>
    </message>
    <message>
        <source>Send the item to a reviewer (your latest text is synced first)</source>
        <translation>Anfon yr eitem at adolygydd (caiff eich testun diweddaraf ei gysoni yn gyntaf)</translation>
    </message>
    <message>
        <source>Submit for Review</source>
        <translation>Cyflwyno i&apos;w adolygu</translation>
    </message>
    <message>
        <source>A note for the reviewer (what changed and why; optional):</source>
        <translation>Nodyn i&apos;r adolygydd (beth a newidiodd a pham; dewisol):</translation>
    </message>
    <message>
        <source>Item &amp;History…</source>
        <translation>&amp;Hanes yr eitem…</translation>
    </message>
    <message>
        <source>Every revision of the item on the server: who, when, why, and what changed</source>
        <translation>Pob fersiwn o&apos;r eitem ar y gweinydd: pwy, pryd, pam, a beth a newidiodd</translation>
    </message>
    <message>
        <source>&amp;Moderation Queue</source>
        <translation>&amp;Ciw cymedroli</translation>
    </message>
    <message>
        <source>Items waiting for a reviewer or a publisher, and what each would change</source>
        <translation>Eitemau sy&apos;n aros am adolygydd neu gyhoeddwr, a beth fyddai pob un yn ei newid</translation>
    </message>
    <message>
        <source>Only a publisher or an admin sets when an item goes live or comes off the site; ask one when it is approved.</source>
        <translation>Dim ond cyhoeddwr neu weinyddwr sy&apos;n gosod pryd mae eitem yn mynd yn fyw neu&apos;n dod oddi ar y wefan; gofynnwch i un ohonynt pan fydd wedi&apos;i chymeradwyo.</translation>
    </message>
    <message>
        <source>That item is not here.</source>
        <translation>Nid yw&apos;r eitem honno yma.</translation>
    </message>
    <message>
        <source>“%1” cannot be submitted: %2</source>
        <translation>Ni ellir cyflwyno “%1”: %2</translation>
    </message>
    <message>
        <source>Sending your latest text before submitting “%1”…</source>
        <translation>Yn anfon eich testun diweddaraf cyn cyflwyno “%1”…</translation>
    </message>
    <message>
        <source>Sign in to submit items for review.</source>
        <translation>Mewngofnodwch i gyflwyno eitemau i&apos;w hadolygu.</translation>
    </message>
    <message>
        <source>“%1” was not submitted: %2</source>
        <translation>Ni chyflwynwyd “%1”: %2</translation>
    </message>
    <message>
        <source>Submitted “%1” for review.</source>
        <translation>Cyflwynwyd “%1” i&apos;w hadolygu.</translation>
    </message>
    <message>
        <source>Choose an item to see its history.</source>
        <translation>Dewiswch eitem i weld ei hanes.</translation>
    </message>
    <message>
        <source>“%1” has not reached the server yet, so it has no history there.</source>
        <translation>Nid yw “%1” wedi cyrraedd y gweinydd eto, felly nid oes ganddi hanes yno.</translation>
    </message>
    <message>
        <source>Sign in to see an item&apos;s history: it is kept on the server.</source>
        <translation>Mewngofnodwch i weld hanes eitem: caiff ei gadw ar y gweinydd.</translation>
    </message>
    <message>
        <source>Not submitted: the item could not be saved on this computer (see the editor).</source>
        <translation>Heb ei chyflwyno: nid oedd modd cadw&apos;r eitem ar y cyfrifiadur hwn (gweler y golygydd).</translation>
    </message>
    <message>
        <source>Not submitted: %1</source>
        <translation>Heb ei chyflwyno: %1</translation>
    </message>
    <message>
        <source>someone changed it on the server since your last sync; sync, check it, and submit again</source>
        <translation>mae rhywun wedi&apos;i newid ar y gweinydd ers i chi gysoni ddiwethaf; cysonwch, gwiriwch hi, a chyflwynwch hi eto</translation>
    </message>
    <message>
        <source>the server did not accept the latest text</source>
        <translation>ni dderbyniodd y gweinydd y testun diweddaraf</translation>
    </message>
    <message>
        <source>the sync did not finish</source>
        <translation>ni orffennodd y cysoni</translation>
    </message>
    <message>
        <source>“%1” was not submitted: %2. Your comment was: “%3”</source>
        <translation>Ni chyflwynwyd “%1”: %2. Eich sylw oedd: “%3”</translation>
    </message>
    <message>
        <source>Choose an item first.</source>
        <translation>Dewiswch eitem yn gyntaf.</translation>
    </message>
    <message>
        <source>Carta learns your role at the next sync; until then it cannot offer Revert.</source>
        <translation>Bydd Carta yn dysgu eich rôl yn y cysoni nesaf; tan hynny ni all gynnig Dychwelyd.</translation>
    </message>
    <message>
        <source>Re&amp;view and Publish…</source>
        <translation>Ad&amp;olygu a chyhoeddi…</translation>
    </message>
    <message>
        <source>This item in the review pane: approve, publish, schedule, unpublish or archive it, as your role allows</source>
        <translation>Yr eitem hon yn y panel adolygu: ei chymeradwyo, ei chyhoeddi, ei threfnu, ei dad-gyhoeddi neu ei harchifo, fel y mae eich rôl yn ei ganiatáu</translation>
    </message>
    <message>
        <source>&amp;Delete Item…</source>
        <translation>D&amp;ileu&apos;r eitem…</translation>
    </message>
    <message>
        <source>Delete an item that is not on the public site (asks first)</source>
        <translation>Dileu eitem nad yw ar y wefan gyhoeddus (mae’n gofyn yn gyntaf)</translation>
    </message>
    <message>
        <source>“%1” is on the public site, so it is not deleted: a publisher unpublishes or archives it (Edit ▸ Review and Publish…).</source>
        <translation>Mae “%1” ar y wefan gyhoeddus, felly nid yw’n cael ei dileu: mae cyhoeddwr yn ei dad-gyhoeddi neu’n ei harchifo (Golygu ▸ Adolygu a chyhoeddi…).</translation>
    </message>
    <message>
        <source>“%1” is not deleted: %2</source>
        <translation>Nid yw “%1” wedi’i dileu: %2</translation>
    </message>
    <message>
        <source>Delete “%1”? It goes from this computer now and from the server at your next sync; its history on the server is kept.</source>
        <translation>Dileu “%1”? Mae’n mynd o’r cyfrifiadur hwn nawr ac o’r gweinydd yn eich cysoni nesaf; cedwir ei hanes ar y gweinydd.</translation>
    </message>
    <message>
        <source>Delete “%1”? It was never sent to the server, so it is gone for good.</source>
        <translation>Dileu “%1”? Ni chafodd ei hanfon i’r gweinydd erioed, felly bydd wedi mynd am byth.</translation>
    </message>
    <message>
        <source>Delete Item</source>
        <translation>Dileu&apos;r eitem</translation>
    </message>
    <message>
        <source>“%1” could not be deleted: %2</source>
        <translation>Ni ellid dileu “%1”: %2</translation>
    </message>
    <message>
        <source>Deleted “%1”; the server hears of it at your next sync.</source>
        <translation>Dilëwyd “%1”; bydd y gweinydd yn clywed amdano yn eich cysoni nesaf.</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>Dilëwyd “%1”.</translation>
    </message>
</context>
<context>
    <name>carta::app::MarkdownPreview</name>
    <message>
        <source>Markdown preview</source>
        <translation>Rhagolwg Markdown</translation>
    </message>
    <message>
        <source>The paragraph as the public site will show it</source>
        <translation>Y paragraff fel y bydd y wefan gyhoeddus yn ei ddangos</translation>
    </message>
</context>
<context>
    <name>carta::app::ModerationWindow</name>
    <message>
        <source>Moderation Queue — Carta</source>
        <translation>Ciw cymedroli — Carta</translation>
    </message>
    <message>
        <source>Moderation queue</source>
        <translation>Ciw cymedroli</translation>
    </message>
</context>
<context>
    <name>carta::app::MultiLineTextDelegate</name>
    <message>
        <source>Enter to finish, Shift+Enter for a new line, Escape to cancel</source>
        <translation>Enter i orffen, Shift+Enter am linell newydd, Escape i ganslo</translation>
    </message>
</context>
<context>
    <name>carta::app::NavigationModel</name>
    <message>
        <source>All items</source>
        <translation>Pob eitem</translation>
    </message>
    <message>
        <source>By type</source>
        <translation>Yn ôl math</translation>
    </message>
    <message>
        <source>By region</source>
        <translation>Yn ôl rhanbarth</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>Dan adolygiad</translation>
    </message>
    <message>
        <source>My drafts</source>
        <translation>Fy nrafftiau</translation>
    </message>
    <message>
        <source>Items you changed that are not yet sent to the server</source>
        <translation>Eitemau a newidiwyd gennych nad ydynt wedi&apos;u hanfon i&apos;r gweinydd eto</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Gwrthdrawiadau</translation>
    </message>
    <message>
        <source>Items changed here and on the server in ways that need you to decide</source>
        <translation>Eitemau a newidiwyd yma ac ar y gweinydd mewn ffyrdd sy&apos;n gofyn i chi benderfynu</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1, %Ln item(s)</source>
        <translation>
            <numerusform>%1, %Ln eitem</numerusform>
            <numerusform>%1, %Ln eitem</numerusform>
            <numerusform>%1, %Ln eitem</numerusform>
            <numerusform>%1, %Ln eitem</numerusform>
            <numerusform>%1, %Ln eitem</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>carta::app::OutcomeCodesDelegate</name>
    <message>
        <source>Learning outcome codes, separated by commas</source>
        <translation>Codau deilliannau dysgu, wedi&apos;u gwahanu gan gomas</translation>
    </message>
    <message>
        <source>codes, separated by commas</source>
        <translation>codau, wedi&apos;u gwahanu gan gomas</translation>
    </message>
</context>
<context>
    <name>carta::app::ParagraphEditor</name>
    <message>
        <source>Add %1 Paragraph</source>
        <translation>Ychwanegu paragraff %1</translation>
    </message>
    <message>
        <source>Set Paragraph Kind</source>
        <translation>Gosod math y paragraff</translation>
    </message>
    <message>
        <source>Select a paragraph to edit it, or add one.</source>
        <translation>Dewiswch baragraff i&apos;w olygu, neu ychwanegwch un.</translation>
    </message>
    <message>
        <source>Problems with the selected paragraph</source>
        <translation>Problemau gyda&apos;r paragraff a ddewiswyd</translation>
    </message>
    <message>
        <source>Callout title</source>
        <translation>Teitl y blwch amlygu</translation>
    </message>
    <message>
        <source>Optional, for example “Before you apply”</source>
        <translation>Dewisol, er enghraifft “Cyn i chi wneud cais”</translation>
    </message>
    <message>
        <source>Callout style</source>
        <translation>Arddull y blwch amlygu</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Gwybodaeth</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Rhybudd</translation>
    </message>
    <message>
        <source>Important</source>
        <translation>Pwysig</translation>
    </message>
    <message>
        <source>Callout t&amp;itle:</source>
        <translation>&amp;Teitl y blwch:</translation>
    </message>
    <message>
        <source>St&amp;yle:</source>
        <translation>&amp;Arddull:</translation>
    </message>
    <message>
        <source>&amp;Markdown:</source>
        <translation>&amp;Markdown:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Rhagolwg</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Rhagolwg:</translation>
    </message>
    <message>
        <source>Edit Callout Title</source>
        <translation>Golygu teitl y blwch amlygu</translation>
    </message>
    <message>
        <source>Change Callout Style</source>
        <translation>Newid arddull y blwch amlygu</translation>
    </message>
    <message>
        <source>Heading text</source>
        <translation>Testun y pennawd</translation>
    </message>
    <message>
        <source>Heading level</source>
        <translation>Lefel y pennawd</translation>
    </message>
    <message>
        <source>Level 2: a section</source>
        <translation>Lefel 2: adran</translation>
    </message>
    <message>
        <source>Level 3: a subsection</source>
        <translation>Lefel 3: is-adran</translation>
    </message>
    <message>
        <source>Level 4: a minor heading</source>
        <translation>Lefel 4: is-bennawd</translation>
    </message>
    <message>
        <source>Heading te&amp;xt:</source>
        <translation>&amp;Testun y pennawd:</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Lefel:</translation>
    </message>
    <message>
        <source>Change Heading Level</source>
        <translation>Newid lefel y pennawd</translation>
    </message>
    <message>
        <source>Link list title</source>
        <translation>Teitl y rhestr dolenni</translation>
    </message>
    <message>
        <source>Optional, for example “Further reading”</source>
        <translation>Dewisol, er enghraifft “Darllen pellach”</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Dolenni</translation>
    </message>
    <message>
        <source>Add &amp;Link</source>
        <translation>Ychwanegu d&amp;olen</translation>
    </message>
    <message>
        <source>Add a link after the selected one</source>
        <translation>Ychwanegu dolen ar ôl yr un a ddewiswyd</translation>
    </message>
    <message>
        <source>Remove the selected link</source>
        <translation>Tynnu&apos;r ddolen a ddewiswyd</translation>
    </message>
    <message>
        <source>List t&amp;itle:</source>
        <translation>&amp;Teitl y rhestr:</translation>
    </message>
    <message>
        <source>Lin&amp;ks (title and address; press F2 or start typing to edit a cell):</source>
        <translation>&amp;Dolenni (teitl a chyfeiriad; pwyswch F2 neu dechreuwch deipio i olygu cell):</translation>
    </message>
    <message>
        <source>Introduction to the learning outcomes</source>
        <translation>Cyflwyniad i&apos;r deilliannau dysgu</translation>
    </message>
    <message>
        <source>Learning outcomes covered</source>
        <translation>Deilliannau dysgu a gwmpesir</translation>
    </message>
    <message>
        <source>&amp;Introduction:</source>
        <translation>&amp;Cyflwyniad:</translation>
    </message>
    <message>
        <source>Learning &amp;outcomes covered (tick each one; Space ticks the selected one):</source>
        <translation>&amp;Deilliannau dysgu a gwmpesir (ticiwch bob un; mae Space yn ticio&apos;r un a ddewiswyd):</translation>
    </message>
    <message>
        <source>No paragraph selected</source>
        <translation>Dim paragraff wedi&apos;i ddewis</translation>
    </message>
    <message>
        <source>Paragraph %1 of %2: %3</source>
        <translation>Paragraff %1 o %2: %3</translation>
    </message>
    <message>
        <source>Callout te&amp;xt (Markdown):</source>
        <translation>Testun y &amp;blwch (Markdown):</translation>
    </message>
    <message>
        <source>Paragraph %1 callout text</source>
        <translation>Testun blwch amlygu paragraff %1</translation>
    </message>
    <message>
        <source>Paragraph %1 text</source>
        <translation>Testun paragraff %1</translation>
    </message>
    <message>
        <source>Preview of paragraph %1</source>
        <translation>Rhagolwg o baragraff %1</translation>
    </message>
    <message>
        <source>Paragraph %1 heading text</source>
        <translation>Testun pennawd paragraff %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (not a learning outcome of this curriculum)</source>
        <translation>%1 (nid yw&apos;n un o ddeilliannau dysgu&apos;r cwricwlwm hwn)</translation>
    </message>
    <message>
        <source>Only a curriculum has learning outcomes to choose from; on other items this paragraph lists codes of outcomes kept elsewhere.</source>
        <translation>Dim ond cwricwlwm sydd â deilliannau dysgu i ddewis ohonynt; ar eitemau eraill mae&apos;r paragraff hwn yn rhestru codau deilliannau a gedwir mewn man arall.</translation>
    </message>
    <message>
        <source>This curriculum has no learning outcomes yet: add them under Details.</source>
        <translation>Nid oes gan y cwricwlwm hwn ddeilliannau dysgu eto: ychwanegwch nhw o dan Manylion.</translation>
    </message>
    <message>
        <source>Choose Learning Outcomes</source>
        <translation>Dewis deilliannau dysgu</translation>
    </message>
    <message>
        <source>&amp;Find a %1 to show here:</source>
        <translation>&amp;Chwilio am %1 i&apos;w ddangos yma:</translation>
    </message>
    <message>
        <source>&amp;Find another %1 instead:</source>
        <translation>&amp;Chwilio am %1 arall yn lle hynny:</translation>
    </message>
    <message>
        <source>Find a %1</source>
        <translation>Chwilio am %1</translation>
    </message>
    <message>
        <source>Type part of its title…</source>
        <translation>Teipiwch ran o&apos;r teitl…</translation>
    </message>
    <message>
        <source>No %1 chosen yet. Its content is shown here on the site, kept in step with the %1 itself.</source>
        <translation>Dim %1 wedi&apos;i ddewis eto. Dangosir ei gynnwys yma ar y wefan, gan gadw mewn cydamseriad â&apos;r %1 ei hun.</translation>
    </message>
    <message>
        <source>Shows the %1 %2, which is not on this computer.</source>
        <translation>Yn dangos y %1 %2, nad yw ar y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <source>Shows the %1 “%2”.</source>
        <translation>Yn dangos y %1 “%2”.</translation>
    </message>
    <message>
        <source>No %1 called “%2”. Choose one from the list as you type.</source>
        <translation>Dim %1 o&apos;r enw “%2”. Dewiswch un o&apos;r rhestr wrth i chi deipio.</translation>
    </message>
    <message>
        <source>Choose What the Paragraph Shows</source>
        <translation>Dewis beth mae&apos;r paragraff yn ei ddangos</translation>
    </message>
    <message>
        <source>Paragraph %1: %2</source>
        <translation>Paragraff %1: %2</translation>
    </message>
    <message>
        <source>Paragraph %1, %2: %3</source>
        <translation>Paragraff %1, %2: %3</translation>
    </message>
    <message>
        <source>introduction</source>
        <translation>cyflwyniad</translation>
    </message>
    <message>
        <source>title</source>
        <translation>teitl</translation>
    </message>
    <message>
        <source>Paragraph %1, link %2 title: %3</source>
        <translation>Paragraff %1, teitl dolen %2: %3</translation>
    </message>
    <message>
        <source>Paragraph %1, link %2 address: %3</source>
        <translation>Paragraff %1, cyfeiriad dolen %2: %3</translation>
    </message>
    <message>
        <source>Paragraph %1, learning outcome %2: %3</source>
        <translation>Paragraff %1, deilliant dysgu %2: %3</translation>
    </message>
    <message>
        <source>Remo&amp;ve Link</source>
        <translation>&amp;Tynnu dolen</translation>
    </message>
    <message>
        <source>What the paragraph shows</source>
        <translation>Beth mae&apos;r paragraff yn ei ddangos</translation>
    </message>
</context>
<context>
    <name>carta::app::ParagraphLinksModel</name>
    <message>
        <source>(empty)</source>
        <translation>(gwag)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Teitl</translation>
    </message>
    <message>
        <source>Address (https:// or /path)</source>
        <translation>Cyfeiriad (https:// neu /path)</translation>
    </message>
    <message>
        <source>Edit Link Title</source>
        <translation>Golygu teitl y ddolen</translation>
    </message>
    <message>
        <source>Edit Link Address</source>
        <translation>Golygu cyfeiriad y ddolen</translation>
    </message>
    <message>
        <source>Add Link</source>
        <translation>Ychwanegu dolen</translation>
    </message>
    <message>
        <source>Remove Link</source>
        <translation>Tynnu dolen</translation>
    </message>
</context>
<context>
    <name>carta::app::ParagraphListModel</name>
    <message>
        <source>(empty)</source>
        <translation>(gwag)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>carta::app::PathwayEditor</name>
    <message>
        <source>&amp;Add stage after</source>
        <translation>&amp;Ychwanegu cam ar ôl</translation>
    </message>
    <message>
        <source>Add a stage after the selected one; it leads on to where the selected stage led (Insert)</source>
        <translation>Ychwanegu cam ar ôl yr un a ddewiswyd; mae&apos;n arwain ymlaen i&apos;r man yr arweiniai&apos;r cam a ddewiswyd iddo (Insert)</translation>
    </message>
    <message>
        <source>Add &amp;branch</source>
        <translation>Ychwanegu &amp;cangen</translation>
    </message>
    <message>
        <source>Add an alternative route beside the selected stage: reached from the same stages, leading to the same next stages</source>
        <translation>Ychwanegu ffordd amgen wrth ochr y cam a ddewiswyd: yn cael ei chyrraedd o&apos;r un camau, ac yn arwain at yr un camau nesaf</translation>
    </message>
    <message>
        <source>&amp;Remove stage</source>
        <translation>&amp;Tynnu cam</translation>
    </message>
    <message>
        <source>Remove the selected stage; the stages before it lead to the stages after it (Delete)</source>
        <translation>Tynnu&apos;r cam a ddewiswyd; bydd y camau cyn iddo&apos;n arwain at y camau ar ei ôl (Delete)</translation>
    </message>
    <message>
        <source>Move &amp;earlier</source>
        <translation>Symud yn &amp;gynharach</translation>
    </message>
    <message>
        <source>Swap the selected stage with the stage before it (Alt+Left)</source>
        <translation>Cyfnewid y cam a ddewiswyd â&apos;r cam cyn iddo (Alt+Left)</translation>
    </message>
    <message>
        <source>Move &amp;later</source>
        <translation>Symud yn &amp;ddiweddarach</translation>
    </message>
    <message>
        <source>Swap the selected stage with the stage after it (Alt+Right)</source>
        <translation>Cyfnewid y cam a ddewiswyd â&apos;r cam ar ei ôl (Alt+Right)</translation>
    </message>
    <message>
        <source>Profession</source>
        <translation>Proffesiwn</translation>
    </message>
    <message>
        <source>The profession this pathway is for; type to search</source>
        <translation>Y proffesiwn y mae&apos;r llwybr hwn ar ei gyfer; teipiwch i chwilio</translation>
    </message>
    <message>
        <source>Type a profession</source>
        <translation>Teipiwch broffesiwn</translation>
    </message>
    <message>
        <source>Problems with Profession</source>
        <translation>Problemau gyda&apos;r proffesiwn</translation>
    </message>
    <message>
        <source>&amp;Profession:</source>
        <translation>&amp;Proffesiwn:</translation>
    </message>
    <message>
        <source>Problems with the journey</source>
        <translation>Problemau gyda&apos;r daith</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Taith</translation>
    </message>
    <message>
        <source>&amp;Journey</source>
        <translation>T&amp;aith</translation>
    </message>
    <message>
        <source>Stages in journey order</source>
        <translation>Camau yn nhrefn y daith</translation>
    </message>
    <message>
        <source>&amp;Stages:</source>
        <translation>Ca&amp;mau:</translation>
    </message>
    <message>
        <source>Selected stage</source>
        <translation>Y cam a ddewiswyd</translation>
    </message>
    <message>
        <source>Problems with the selected stage</source>
        <translation>Problemau gyda&apos;r cam a ddewiswyd</translation>
    </message>
    <message>
        <source>Stage title</source>
        <translation>Teitl y cam</translation>
    </message>
    <message>
        <source>Career stage</source>
        <translation>Cyfnod gyrfa</translation>
    </message>
    <message>
        <source>The career stage this part of the journey belongs to; type to search</source>
        <translation>Y cyfnod gyrfa y mae&apos;r rhan hon o&apos;r daith yn perthyn iddo; teipiwch i chwilio</translation>
    </message>
    <message>
        <source>Type a career stage</source>
        <translation>Teipiwch gyfnod gyrfa</translation>
    </message>
    <message>
        <source>Duration in months</source>
        <translation>Hyd mewn misoedd</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mis</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Porth</translation>
    </message>
    <message>
        <source>Where people apply or register for this stage</source>
        <translation>Lle mae pobl yn gwneud cais neu&apos;n cofrestru ar gyfer y cam hwn</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Dim</translation>
    </message>
    <message>
        <source>Recruitment window</source>
        <translation>Cyfnod recriwtio</translation>
    </message>
    <message>
        <source>e.g. November to December</source>
        <translation>e.e. Tachwedd i Ragfyr</translation>
    </message>
    <message>
        <source>Entry requirements (Markdown)</source>
        <translation>Gofynion mynediad (Markdown)</translation>
    </message>
    <message>
        <source>What a person needs to start this stage (Markdown)</source>
        <translation>Yr hyn sydd ei angen ar unigolyn i ddechrau&apos;r cam hwn (Markdown)</translation>
    </message>
    <message>
        <source>Next stages</source>
        <translation>Camau nesaf</translation>
    </message>
    <message>
        <source>The stages a person can go on to after this one; tick more than one for a branch</source>
        <translation>Y camau y gall unigolyn symud ymlaen iddynt ar ôl hwn; ticiwch fwy nag un ar gyfer cangen</translation>
    </message>
    <message>
        <source>Problems with %1</source>
        <translation>Problemau gyda %1</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>Te&amp;itl:</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Teitl</translation>
    </message>
    <message>
        <source>&amp;Career stage:</source>
        <translation>Cyf&amp;nod gyrfa:</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Hyd:</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Hyd</translation>
    </message>
    <message>
        <source>P&amp;ortal:</source>
        <translation>P&amp;orth:</translation>
    </message>
    <message>
        <source>Recruitment &amp;window:</source>
        <translation>Cyfnod &amp;recriwtio:</translation>
    </message>
    <message>
        <source>E&amp;ntry requirements:</source>
        <translation>Go&amp;fynion mynediad:</translation>
    </message>
    <message>
        <source>Entry requirements</source>
        <translation>Gofynion mynediad</translation>
    </message>
    <message>
        <source>Ne&amp;xt stages:</source>
        <translation>Camau ne&amp;saf:</translation>
    </message>
    <message>
        <source>Rename stage</source>
        <translation>Ailenwi&apos;r cam</translation>
    </message>
    <message>
        <source>Rena&amp;me in place</source>
        <translation>Ailenwi yn y fan a&apos;r &amp;lle</translation>
    </message>
    <message>
        <source>Edit stage title</source>
        <translation>Golygu teitl y cam</translation>
    </message>
    <message>
        <source>Change stage duration</source>
        <translation>Newid hyd y cam</translation>
    </message>
    <message>
        <source>Change portal</source>
        <translation>Newid y porth</translation>
    </message>
    <message>
        <source>Edit recruitment window</source>
        <translation>Golygu&apos;r cyfnod recriwtio</translation>
    </message>
    <message>
        <source>Edit entry requirements</source>
        <translation>Golygu&apos;r gofynion mynediad</translation>
    </message>
    <message>
        <source>%1 (not in the taxonomy)</source>
        <translation>%1 (nid yw yn y tacsonomeg)</translation>
    </message>
    <message>
        <source>unknown portal</source>
        <translation>porth anhysbys</translation>
    </message>
    <message>
        <source>no stages yet</source>
        <translation>dim camau eto</translation>
    </message>
    <message>
        <source>1 stage</source>
        <translation>1 cam</translation>
    </message>
    <message>
        <source>%1 stages</source>
        <translation>%1 cam</translation>
    </message>
    <message>
        <source> · %1 along the longest route</source>
        <translation> · %1 ar hyd y ffordd hiraf</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(dim teitl)</translation>
    </message>
    <message>
        <source>%1. %2 — %3</source>
        <translation>%1. %2 — %3</translation>
    </message>
    <message>
        <source>Stage %1 of %2</source>
        <translation>Cam %1 o %2</translation>
    </message>
    <message>
        <source>Unknown portal %1</source>
        <translation>Porth anhysbys %1</translation>
    </message>
    <message>
        <source>Missing stage “%1”</source>
        <translation>Cam ar goll “%1”</translation>
    </message>
    <message>
        <source>&amp;Add first stage</source>
        <translation>&amp;Ychwanegu&apos;r cam cyntaf</translation>
    </message>
    <message>
        <source>Selected: %1 (%2 of %3), %4.</source>
        <translation>Wedi&apos;i ddewis: %1 (%2 o %3), %4.</translation>
    </message>
    <message>
        <source>Arrow keys move between stages, Enter edits the selected stage in the form, F2 renames it in place, + and - change its duration by a month, Delete removes it.</source>
        <translation>Mae&apos;r bysellau saeth yn symud rhwng camau, mae Enter yn golygu&apos;r cam a ddewiswyd yn y ffurflen, mae F2 yn ei ailenwi yn y fan a&apos;r lle, mae + a - yn newid ei hyd fesul mis, ac mae Delete yn ei dynnu.</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>Cam newydd</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>Ychwanegu cam</translation>
    </message>
    <message>
        <source>Add branch</source>
        <translation>Ychwanegu cangen</translation>
    </message>
    <message>
        <source>Remove stage</source>
        <translation>Tynnu cam</translation>
    </message>
    <message>
        <source>Move stage earlier</source>
        <translation>Symud cam yn gynharach</translation>
    </message>
    <message>
        <source>Move stage later</source>
        <translation>Symud cam yn ddiweddarach</translation>
    </message>
    <message>
        <source>Change career stage</source>
        <translation>Newid y cyfnod gyrfa</translation>
    </message>
    <message>
        <source>Change profession</source>
        <translation>Newid y proffesiwn</translation>
    </message>
    <message>
        <source>Change next stages</source>
        <translation>Newid y camau nesaf</translation>
    </message>
    <message>
        <source>Stage id</source>
        <translation>ID y cam</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Cam</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no profession is called “%1”; choose one from the list (the pathway keeps its profession until you do)</source>
        <translation>nid oes proffesiwn o&apos;r enw “%1”; dewiswch un o&apos;r rhestr (mae&apos;r llwybr yn cadw ei broffesiwn nes i chi wneud hynny)</translation>
    </message>
    <message>
        <source>no career stage is called “%1”; choose one from the list (the stage keeps its career stage until you do)</source>
        <translation>nid oes cyfnod gyrfa o&apos;r enw “%1”; dewiswch un o&apos;r rhestr (mae&apos;r cam yn cadw ei gyfnod gyrfa nes i chi wneud hynny)</translation>
    </message>
    <message>
        <source>Has problems: %1</source>
        <translation>Mae problemau: %1</translation>
    </message>
    <message>
        <source>Journey: %1</source>
        <translation>Taith: %1</translation>
    </message>
</context>
<context>
    <name>carta::app::PreviewPane</name>
    <message>
        <source>Preview</source>
        <translation>Rhagolwg</translation>
    </message>
    <message>
        <source>The item as the public site will show it</source>
        <translation>Yr eitem fel y bydd y wefan gyhoeddus yn ei dangos</translation>
    </message>
</context>
<context>
    <name>carta::app::QueueModel</name>
    <message>
        <source>(untitled)</source>
        <translation>(heb deitl)</translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation>Ers %1</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Teitl</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Cyflwr</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Rhanbarth</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Newidiwyd gan</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Amser aros</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>llai na munud</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 munud</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n munud</numerusform>
            <numerusform>%n munud</numerusform>
            <numerusform>%n munud</numerusform>
            <numerusform>%n munud</numerusform>
            <numerusform>%n munud</numerusform>
        </translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 awr</translation>
    </message>
    <message numerus="yes">
        <source>%n hours</source>
        <translation>
            <numerusform>%n awr</numerusform>
            <numerusform>%n awr</numerusform>
            <numerusform>%n awr</numerusform>
            <numerusform>%n awr</numerusform>
            <numerusform>%n awr</numerusform>
        </translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 diwrnod</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n diwrnod</numerusform>
            <numerusform>%n diwrnod</numerusform>
            <numerusform>%n diwrnod</numerusform>
            <numerusform>%n diwrnod</numerusform>
            <numerusform>%n diwrnod</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>carta::app::QueueView</name>
    <message>
        <source>&amp;State</source>
        <translation>&amp;Cyflwr</translation>
    </message>
    <message>
        <source>Filter by state</source>
        <translation>Hidlo yn ôl cyflwr</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>M&amp;ath</translation>
    </message>
    <message>
        <source>Filter by type</source>
        <translation>Hidlo yn ôl math</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>Rhan&amp;barth</translation>
    </message>
    <message>
        <source>Filter by region</source>
        <translation>Hidlo yn ôl rhanbarth</translation>
    </message>
    <message>
        <source>&amp;Profession</source>
        <translation>&amp;Proffesiwn</translation>
    </message>
    <message>
        <source>Filter by profession</source>
        <translation>Hidlo yn ôl proffesiwn</translation>
    </message>
    <message>
        <source>A&amp;uthor</source>
        <translation>A&amp;wdur</translation>
    </message>
    <message>
        <source>Filter by who last changed the item</source>
        <translation>Hidlo yn ôl pwy a newidiodd yr eitem ddiwethaf</translation>
    </message>
    <message>
        <source>&amp;Waiting</source>
        <translation>Amser a&amp;ros</translation>
    </message>
    <message>
        <source>Filter by waiting time</source>
        <translation>Hidlo yn ôl amser aros</translation>
    </message>
    <message>
        <source>All awaiting action</source>
        <translation>Pob eitem sy&apos;n aros am weithredu</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Unrhyw amser</translation>
    </message>
    <message>
        <source>More than a day</source>
        <translation>Mwy na diwrnod</translation>
    </message>
    <message>
        <source>More than 3 days</source>
        <translation>Mwy na 3 diwrnod</translation>
    </message>
    <message>
        <source>More than a week</source>
        <translation>Mwy nag wythnos</translation>
    </message>
    <message>
        <source>More than 30 days</source>
        <translation>Mwy na 30 diwrnod</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Pob math</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>Pob rhanbarth</translation>
    </message>
    <message>
        <source>All professions</source>
        <translation>Pob proffesiwn</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Unrhyw un</translation>
    </message>
    <message>
        <source>Items awaiting action</source>
        <translation>Eitemau sy&apos;n aros am weithredu</translation>
    </message>
    <message>
        <source>Queue status</source>
        <translation>Statws y ciw</translation>
    </message>
    <message>
        <source>Moderation queue</source>
        <translation>Ciw cymedroli</translation>
    </message>
    <message>
        <source>%1 (%L2)</source>
        <translation>%1 (%L2)</translation>
    </message>
    <message>
        <source>%L1 in review · %L2 approved · %L3 changes requested</source>
        <translation>Dan adolygiad: %L1 · Cymeradwywyd: %L2 · Gofynnwyd am newidiadau: %L3</translation>
    </message>
    <message>
        <source>Nothing is waiting for you</source>
        <translation>Nid oes dim yn aros amdanoch</translation>
    </message>
    <message>
        <source>No item matches these filters</source>
        <translation>Nid oes eitem yn cyfateb i&apos;r hidlyddion hyn</translation>
    </message>
</context>
<context>
    <name>carta::app::ReviewPane</name>
    <message>
        <source>&amp;Approve</source>
        <translation>C&amp;ymeradwyo</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Dilysu</translation>
    </message>
    <message>
        <source>What changes</source>
        <translation>Beth sy&apos;n newid</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Sylwadau</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Sylw</translation>
    </message>
    <message>
        <source>A comment for the author (needed to request changes)</source>
        <translation>Sylw i&apos;r awdur (yn ofynnol i ofyn am newidiadau)</translation>
    </message>
    <message>
        <source>Publish at (UK time)</source>
        <translation>Cyhoeddi am (amser y DU)</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Hanes…</translation>
    </message>
    <message>
        <source>History of this item</source>
        <translation>Hanes yr eitem hon</translation>
    </message>
    <message>
        <source>Every revision, and the differences between any two</source>
        <translation>Pob fersiwn, a&apos;r gwahaniaethau rhwng unrhyw ddwy</translation>
    </message>
    <message>
        <source>Why some actions are not offered</source>
        <translation>Pam nad yw rhai gweithredoedd ar gael</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Canlyniad y weithred ddiwethaf</translation>
    </message>
    <message>
        <source>C&amp;omment</source>
        <translation>&amp;Sylw</translation>
    </message>
    <message>
        <source>Comments so far</source>
        <translation>Sylwadau hyd yma</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Dim wedi&apos;i ddewis</translation>
    </message>
    <message>
        <source>This item is no longer here</source>
        <translation>Nid yw&apos;r eitem hon yma mwyach</translation>
    </message>
    <message>
        <source>Choose an item in the queue to review it.</source>
        <translation>Dewiswch eitem yn y ciw i&apos;w hadolygu.</translation>
    </message>
    <message>
        <source>Nothing to compare.</source>
        <translation>Dim i&apos;w gymharu.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(heb deitl)</translation>
    </message>
    <message>
        <source>last changed by %1 on %2</source>
        <translation>newidiwyd ddiwethaf gan %1 ar %2</translation>
    </message>
    <message>
        <source>national</source>
        <translation>cenedlaethol</translation>
    </message>
    <message>
        <source>to be published %1</source>
        <translation>i&apos;w chyhoeddi ar %1</translation>
    </message>
    <message>
        <source>✓ Passes validation.</source>
        <translation>✓ Yn pasio&apos;r dilysu.</translation>
    </message>
    <message numerus="yes">
        <source>✗ %n problem(s) to fix before publishing:</source>
        <translation>
            <numerusform>✗ %n problem i&apos;w trwsio cyn cyhoeddi:</numerusform>
            <numerusform>✗ %n problem i&apos;w thrwsio cyn cyhoeddi:</numerusform>
            <numerusform>✗ %n problem i&apos;w trwsio cyn cyhoeddi:</numerusform>
            <numerusform>✗ %n problem i&apos;w trwsio cyn cyhoeddi:</numerusform>
            <numerusform>✗ %n problem i&apos;w trwsio cyn cyhoeddi:</numerusform>
        </translation>
    </message>
    <message>
        <source>Live on the site</source>
        <translation>Yn fyw ar y wefan</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Arfaethedig</translation>
    </message>
    <message>
        <source>Not on the site yet</source>
        <translation>Nid yw ar y wefan eto</translation>
    </message>
    <message>
        <source>Choose an item first.</source>
        <translation>Dewiswch eitem yn gyntaf.</translation>
    </message>
    <message>
        <source>Sync once so Carta knows your role.</source>
        <translation>Cysonwch unwaith er mwyn i Carta wybod eich rôl.</translation>
    </message>
    <message>
        <source>Done; the new state shows after the sync.</source>
        <translation>Wedi&apos;i wneud; bydd y cyflwr newydd i&apos;w weld ar ôl y cysoni.</translation>
    </message>
    <message>
        <source>You have unsent edits of this item: sync them first.</source>
        <translation>Mae gennych olygiadau i&apos;r eitem hon heb eu hanfon: cysonwch nhw yn gyntaf.</translation>
    </message>
    <message>
        <source>Sign in to act on items.</source>
        <translation>Mewngofnodwch i weithredu ar eitemau.</translation>
    </message>
    <message>
        <source>Sign in to see the comments.</source>
        <translation>Mewngofnodwch i weld y sylwadau.</translation>
    </message>
    <message>
        <source>Loading the comments…</source>
        <translation>Yn llwytho&apos;r sylwadau…</translation>
    </message>
    <message>
        <source>The comments cannot be shown: %1</source>
        <translation>Ni ellir dangos y sylwadau: %1</translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation>Dim sylwadau eto.</translation>
    </message>
    <message>
        <source>Say in the comment what needs to change, then request changes.</source>
        <translation>Dywedwch yn y sylw beth sydd angen ei newid, yna gofynnwch am newidiadau.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Yn anfon…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Wedi&apos;i wneud.</translation>
    </message>
    <message>
        <source>Request &amp;Changes</source>
        <translation>&amp;Gofyn am newidiadau</translation>
    </message>
    <message>
        <source>Publish &amp;Now</source>
        <translation>Cyhoeddi &amp;nawr</translation>
    </message>
    <message>
        <source>Sche&amp;dule</source>
        <translation>&amp;Trefnu</translation>
    </message>
    <message>
        <source>at (UK time)</source>
        <translation>am (amser y DU)</translation>
    </message>
    <message>
        <source>The live revision of this item is not on this computer yet: sync, or use History… to compare revisions.</source>
        <translation>Nid yw fersiwn fyw yr eitem hon ar y cyfrifiadur hwn eto: cysonwch, neu defnyddiwch Hanes… i gymharu fersiynau.</translation>
    </message>
    <message>
        <source>it has problems to fix first (listed at the top)</source>
        <translation>mae problemau i&apos;w trwsio yn gyntaf (wedi&apos;u rhestru ar y brig)</translation>
    </message>
    <message>
        <source>“%1” changed on the server since your last sync: sync, look again, then decide.</source>
        <translation>Mae “%1” wedi newid ar y gweinydd ers i chi gysoni ddiwethaf: cysonwch, edrychwch eto, yna penderfynwch.</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>“%1”: %2</translation>
    </message>
    <message>
        <source>“%1” approved.</source>
        <translation>Cymeradwywyd “%1”.</translation>
    </message>
    <message>
        <source>Changes requested for “%1”; the author sees your comment at their next sync.</source>
        <translation>Gofynnwyd am newidiadau i “%1”; bydd yr awdur yn gweld eich sylw pan fydd yn cysoni nesaf.</translation>
    </message>
    <message>
        <source>“%1” published: it is on the site now.</source>
        <translation>Cyhoeddwyd “%1”: mae ar y wefan nawr.</translation>
    </message>
    <message>
        <source>“%1” scheduled: it goes live %2.</source>
        <translation>Trefnwyd “%1”: bydd yn mynd yn fyw ar %2.</translation>
    </message>
    <message>
        <source>Publish Now</source>
        <translation>Cyhoeddi nawr</translation>
    </message>
    <message>
        <source>Publish “%1” on the public website now?</source>
        <translation>Cyhoeddi “%1” ar y wefan gyhoeddus nawr?</translation>
    </message>
    <message>
        <source>Unpu&amp;blish</source>
        <translation>&amp;Dad-gyhoeddi</translation>
    </message>
    <message>
        <source>Archi&amp;ve</source>
        <translation>Arch&amp;ifo</translation>
    </message>
    <message>
        <source>Unpublish</source>
        <translation>Dad-gyhoeddi</translation>
    </message>
    <message>
        <source>Take “%1” off the public website now? It stays in Carta, and can be published again.</source>
        <translation>Tynnu “%1” oddi ar y wefan gyhoeddus nawr? Mae’n aros yn Carta, a gellir ei gyhoeddi eto.</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archifo</translation>
    </message>
    <message>
        <source>Archive “%1”? It comes off the public website if it is there and can no longer be edited; its history is kept.</source>
        <translation>Archifo “%1”? Mae’n dod oddi ar y wefan gyhoeddus os yw yno ac ni ellir ei golygu mwyach; cedwir ei hanes.</translation>
    </message>
    <message>
        <source>“%1” unpublished: it is off the site now.</source>
        <translation>Dad-gyhoeddwyd “%1”: mae oddi ar y wefan nawr.</translation>
    </message>
    <message>
        <source>“%1” archived.</source>
        <translation>Archifwyd “%1”.</translation>
    </message>
</context>
<context>
    <name>carta::app::SignInDialog</name>
    <message>
        <source>Sign In to Carta</source>
        <translation>Mewngofnodi i Carta</translation>
    </message>
    <message>
        <source>Sign in once with the token your administrator gave you. After the first sync you can work offline.</source>
        <translation>Mewngofnodwch unwaith gyda&apos;r tocyn a roddodd eich gweinyddwr i chi. Ar ôl y cysoni cyntaf gallwch weithio all-lein.</translation>
    </message>
    <message>
        <source>https://carta.example.nhs.uk</source>
        <translation>https://carta.example.nhs.uk</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Cyfeiriad y gweinydd</translation>
    </message>
    <message>
        <source>firstname.lastname</source>
        <translation>enwcyntaf.cyfenw</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Enw defnyddiwr</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Tocyn mynediad</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Gweinydd:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Enw defnyddiwr:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Tocyn:</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>Statws mewngofnodi</translation>
    </message>
    <message>
        <source>Sign &amp;In</source>
        <translation>&amp;Mewngofnodi</translation>
    </message>
    <message>
        <source>Checking your account…</source>
        <translation>Yn gwirio&apos;ch cyfrif…</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, such as https://carta.example.nhs.uk.</source>
        <translation>Rhowch gyfeiriad y gweinydd, fel https://carta.example.nhs.uk.</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Rhowch eich enw defnyddiwr.</translation>
    </message>
    <message>
        <source>Enter your access token.</source>
        <translation>Rhowch eich tocyn mynediad.</translation>
    </message>
    <message>
        <source>This token belongs to “%1”, not “%2”.</source>
        <translation>Mae&apos;r tocyn hwn yn perthyn i “%1”, nid “%2”.</translation>
    </message>
    <message>
        <source>Signed in. Saving your token…</source>
        <translation>Wedi mewngofnodi. Yn cadw&apos;ch tocyn…</translation>
    </message>
</context>
<context>
    <name>carta::app::SimpleFieldsEditor</name>
    <message>
        <source>Landing page</source>
        <translation>Tudalen lanio</translation>
    </message>
    <message>
        <source>Regional hub</source>
        <translation>Hwb rhanbarthol</translation>
    </message>
    <message>
        <source>Profession landing page</source>
        <translation>Tudalen lanio proffesiwn</translation>
    </message>
    <message>
        <source>Home page</source>
        <translation>Hafan</translation>
    </message>
    <message>
        <source>News</source>
        <translation>Newyddion</translation>
    </message>
    <message>
        <source>Training office update</source>
        <translation>Diweddariad y swyddfa hyfforddi</translation>
    </message>
    <message>
        <source>Page &amp;kind:</source>
        <translation>&amp;Math o dudalen:</translation>
    </message>
    <message>
        <source>&amp;Issued:</source>
        <translation>&amp;Dyddiad cyhoeddi:</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Dim dyddiad</translation>
    </message>
    <message>
        <source>&amp;Publisher:</source>
        <translation>C&amp;yhoeddwr:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dyddiad:</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Heb ei osod</translation>
    </message>
    <message>
        <source>News &amp;kind:</source>
        <translation>&amp;Math o newyddion:</translation>
    </message>
    <message>
        <source>&amp;Funding body:</source>
        <translation>&amp;Corff cyllido:</translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>&amp;Dyddiad cau:</translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation>Dim dyddiad cau</translation>
    </message>
    <message>
        <source>&amp;Eligibility (Markdown):</source>
        <translation>Cymh&amp;wystra (Markdown):</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Cyfeirnod:</translation>
    </message>
    <message>
        <source>&amp;Effective from:</source>
        <translation>Yn &amp;weithredol o:</translation>
    </message>
    <message>
        <source>&amp;Web address:</source>
        <translation>&amp;Cyfeiriad gwe:</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation>&amp;Diben:</translation>
    </message>
    <message>
        <source>&amp;Subject line:</source>
        <translation>&amp;Llinell bwnc:</translation>
    </message>
    <message>
        <source>&amp;Vocabulary:</source>
        <translation>&amp;Geirfa:</translation>
    </message>
    <message>
        <source>None (a top-level term)</source>
        <translation>Dim (term lefel uchaf)</translation>
    </message>
    <message>
        <source>The slug of the parent term in the same vocabulary; empty for a top-level term</source>
        <translation>Bonyn y rhiant-derm yn yr un eirfa; gwag ar gyfer term lefel uchaf</translation>
    </message>
    <message>
        <source>&amp;Parent term:</source>
        <translation>&amp;Rhiant-derm:</translation>
    </message>
    <message>
        <source>no %1 term has the slug “%2”</source>
        <translation>nid oes gan unrhyw derm %1 y bonyn “%2”</translation>
    </message>
    <message>
        <source>Parent term</source>
        <translation>Rhiant-derm</translation>
    </message>
    <message>
        <source>&amp;Order among siblings:</source>
        <translation>&amp;Trefn ymhlith termau ar yr un lefel:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Dim</translation>
    </message>
    <message>
        <source>Gateway p&amp;ortal:</source>
        <translation>Porth &amp;mynediad:</translation>
    </message>
    <message>
        <source>Career stages: the portal the gateway routes to</source>
        <translation>Cyfnodau gyrfa: y porth y mae&apos;r porth mynediad yn arwain ato</translation>
    </message>
</context>
<context>
    <name>carta::app::TermPicker</name>
    <message>
        <source>Type to add a %1…</source>
        <translation>Teipiwch i ychwanegu %1…</translation>
    </message>
    <message>
        <source>Type part of a %1&apos;s name, then choose it from the list or press Enter. Backspace in the empty field removes the last one.</source>
        <translation>Teipiwch ran o enw %1, yna dewiswch ef o&apos;r rhestr neu pwyswch Enter. Mae Backspace yn y maes gwag yn tynnu&apos;r un olaf.</translation>
    </message>
    <message>
        <source>%1 message</source>
        <translation>Neges %1</translation>
    </message>
    <message>
        <source>No term called “%1”.</source>
        <translation>Dim term o&apos;r enw “%1”.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>“%1” is not a %2 known on this computer.</source>
        <translation>Nid yw “%1” yn %2 sy&apos;n hysbys ar y cyfrifiadur hwn.</translation>
    </message>
    <message>
        <source>%1 (unknown)</source>
        <translation>%1 (anhysbys)</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Tynnu %1</translation>
    </message>
    <message>
        <source>Remove %1 (Delete)</source>
        <translation>Tynnu %1 (Delete)</translation>
    </message>
    <message>
        <source>None chosen.</source>
        <translation>Dim wedi&apos;u dewis.</translation>
    </message>
    <message>
        <source>Chosen: %1.</source>
        <translation>Wedi&apos;u dewis: %1.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>carta::app::TokenStore</name>
    <message>
        <source>the keychain is switched off (CARTA_KEYCHAIN=off)</source>
        <translation>mae&apos;r gadwyn allweddi wedi&apos;i diffodd (CARTA_KEYCHAIN=off)</translation>
    </message>
    <message>
        <source>No system keychain is available (%1). Your token is kept only until Carta closes; you will be asked for it again next time.</source>
        <translation>Nid oes cadwyn allweddi system ar gael (%1). Dim ond nes i Carta gau y caiff eich tocyn ei gadw; gofynnir i chi amdano eto y tro nesaf.</translation>
    </message>
    <message>
        <source>it did not answer within %1 seconds</source>
        <translation>ni atebodd o fewn %1 eiliad</translation>
    </message>
</context>
<context>
    <name>carta::sync::ServerClient</name>
    <message>
        <source>The server cannot be reached (%1).</source>
        <translation>Nid oes modd cyrraedd y gweinydd (%1).</translation>
    </message>
    <message>
        <source>The server answered %1.</source>
        <translation>Atebodd y gweinydd %1.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not understood: %1</source>
        <translation>Nid yw ateb y gweinydd yn ddealladwy: %1</translation>
    </message>
</context>
<context>
    <name>carta::sync::SyncEngine</name>
    <message>
        <source>cancelled</source>
        <translation>wedi’i ganslo</translation>
    </message>
    <message>
        <source>cannot read the attachment %1</source>
        <translation>methu darllen yr atodiad %1</translation>
    </message>
    <message>
        <source>the server cannot be reached (%1); your changes are kept and will be sent next time</source>
        <translation>nid oes modd cyrraedd y gweinydd (%1); mae eich newidiadau wedi’u cadw a byddant yn cael eu hanfon y tro nesaf</translation>
    </message>
    <message>
        <source>its file is missing from %1; attach it again</source>
        <translation>mae ei ffeil ar goll o %1; atodwch hi eto</translation>
    </message>
    <message>
        <source>the server refused an attachment upload: %1</source>
        <translation>gwrthododd y gweinydd lwytho atodiad i fyny: %1</translation>
    </message>
    <message>
        <source>the server did not take the attachment &quot;%1&quot;: %2</source>
        <translation>ni dderbyniodd y gweinydd yr atodiad &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>the server refused the push: %1</source>
        <translation>gwrthododd y gweinydd yr anfon: %1</translation>
    </message>
    <message>
        <source>the server&apos;s answer is not valid JSON: %1</source>
        <translation>nid yw ateb y gweinydd yn JSON dilys: %1</translation>
    </message>
    <message>
        <source>the server refused to say who you are: %1</source>
        <translation>gwrthododd y gweinydd ddweud pwy ydych chi: %1</translation>
    </message>
    <message>
        <source>the server&apos;s answer about your account is not understood</source>
        <translation>nid yw ateb y gweinydd am eich cyfrif yn ddealladwy</translation>
    </message>
    <message>
        <source>the server refused the pull: %1</source>
        <translation>gwrthododd y gweinydd y derbyn: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an attachment name (64 lowercase hex digits)</source>
        <translation>nid yw &quot;%1&quot; yn enw atodiad (64 digid hecs llythrennau bach)</translation>
    </message>
    <message>
        <source>cannot create the attachment store %1</source>
        <translation>methu creu’r storfa atodiadau %1</translation>
    </message>
    <message>
        <source>cannot write in the attachment store: %1</source>
        <translation>methu ysgrifennu yn y storfa atodiadau: %1</translation>
    </message>
    <message>
        <source>the server sent more than %1 bytes</source>
        <translation>anfonodd y gweinydd fwy na %1 beit</translation>
    </message>
    <message>
        <source>cannot download the attachment %1: %2</source>
        <translation>methu llwytho’r atodiad %1 i lawr: %2</translation>
    </message>
    <message>
        <source>the server cannot be reached (%1)</source>
        <translation>nid oes modd cyrraedd y gweinydd (%1)</translation>
    </message>
</context>
</TS>
